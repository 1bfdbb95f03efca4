-- The register search's bounding box read 6,000 rows a search at national scale to keep a few hundred:
-- the index held the location but not the age range or vacancies, so every row in the latitude band was
-- fetched to test them. With them in the index the rows outside the box, age range or vacancies are
-- rejected from the index alone, and only the matches are read.
drop index ix_service_type_location;
create index ix_service_search on care_service (placement_type, latitude, longitude, min_age, max_age, vacancies, provider_id);
