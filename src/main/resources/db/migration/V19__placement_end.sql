-- How a placement ended: the SSDA903 reason the episode ceased (REC: X1 when the child moves to another placement),
-- the reason for the place change when moving, whether the end was unplanned (a disruption), and the worker's notes.
alter table placement add column reason_episode_ceased varchar(4);
alter table placement add column end_reason_place_change varchar(10);
alter table placement add column unplanned_end boolean;
alter table placement add column end_notes varchar(2000);
