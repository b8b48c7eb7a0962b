-- H2 has no full-text index the catalogue can use portably; CatalogueSearch falls back to matching words with LIKE.
create index solution_title on solution (title);
