-- When nothing meets the referral in full, the nearest alternatives are offered as second-best options, each with
-- what it lacks (another placement type, further away, or a need it does not meet).
alter table placement_option add column second_best boolean default false not null;
alter table placement_option add column second_best_reason varchar(500);
