-- The public algorithm register: one record per AI system the city bought.
create table algorithm_register_record (
  case_id         bigint primary key references procurement_case (id),
  system_name     varchar(200) not null,
  supplier        varchar(200) not null,
  purpose         varchar(4000) not null,
  data_used       varchar(4000) not null,
  human_oversight varchar(4000) not null,
  risks           varchar(4000) not null,
  mitigations     varchar(4000) not null,
  contact         varchar(200) not null,
  recorded_by     varchar(100),
  recorded_at     timestamp with time zone not null
);
