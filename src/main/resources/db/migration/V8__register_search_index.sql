-- The register search narrows by type and place first: index the location for the bounding box.
create index ix_service_type_location on care_service (placement_type, latitude, longitude);
create index ix_provider_referral_status on provider_referral (referral_id, status);
create index ix_monitoring_round_child on monitoring_round (child_id);
