-- Full-text search of the catalogue on PostgreSQL. The vector is stored (computed once per write, not per search
-- and per ranked row) and indexed; CatalogueSearch queries and ranks on it.
alter table solution add column search_vector tsvector
  generated always as (to_tsvector('simple', title || ' ' || summary)) stored;
create index solution_text on solution using gin (search_vector);
