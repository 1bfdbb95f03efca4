-- The start date the placements team proposes for an in-house placement (an independent one starts on the date its
-- provider offered); empty means the referral's required-by date.
alter table referral add column proposed_start_date date;
