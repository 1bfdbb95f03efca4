-- The register search's box spans about 0.6 degrees of latitude, and V10's index, led by the latitude,
-- read every home of the type in that band from coast to coast to keep the 70 in the box (some 5,000 rows
-- a search at national scale). Led by the grid cell, the search reads the cells its box covers, about a
-- fifth as many rows. V10's index stays for searches too wide to list their cells.
create index ix_service_search_cell on care_service (grid_cell, placement_type, longitude, latitude, min_age, max_age, vacancies, provider_id);
