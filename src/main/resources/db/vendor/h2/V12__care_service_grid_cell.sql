-- A home's cell of a grid a tenth of a degree square (about 7 miles north to south, 4 east to west in
-- England), computed by the database from the location so every writer (the API, the Ofsted import, a
-- bulk load) gets it right. The register search lists the cells its box covers and reads them from an
-- index (V13). H2 computes it on write; PostgreSQL spells the same column with STORED (db/vendor/postgresql).
alter table care_service add column grid_cell integer generated always as
    (cast(floor(latitude * 10) as integer) * 10000 + cast(floor(longitude * 10) as integer));
