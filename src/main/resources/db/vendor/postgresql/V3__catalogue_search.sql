-- Full-text search of the catalogue on PostgreSQL: the same expression as CatalogueSearch's query, indexed.
create index solution_text on solution using gin (to_tsvector('simple', title || ' ' || summary));
