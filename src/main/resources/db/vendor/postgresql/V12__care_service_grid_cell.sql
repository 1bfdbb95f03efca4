-- A home's cell of a grid a tenth of a degree square, computed by the database from the location: see
-- db/vendor/h2, which spells the same column without STORED.
alter table care_service add column grid_cell integer generated always as
    (cast(floor(latitude * 10) as integer) * 10000 + cast(floor(longitude * 10) as integer)) stored;
