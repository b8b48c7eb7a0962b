-- What a provider submits beyond the catalogue entry. Confidential details sit in their own table so that no
-- catalogue query can reach them by accident.
create table submission_detail (
  solution_id          bigint primary key references solution (id),
  indicative_cost      numeric(18, 2),
  cost_currency        varchar(3),
  maturity_references  varchar(2000),
  amended_at           timestamp with time zone,
  withdrawn_at         timestamp with time zone
);

create table submission_confidential (
  solution_id          bigint primary key references solution (id),
  details              varchar(8000) not null
);

create table submission_attachment (
  solution_id bigint not null references solution (id),
  position    int not null,
  label       varchar(200),
  url         varchar(2000) not null,
  primary key (solution_id, position)
);

-- The catalogue lists newest first within each status.
create index solution_catalogue on solution (status, id);
