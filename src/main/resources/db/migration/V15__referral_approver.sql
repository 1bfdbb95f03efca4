-- Who may approve a referral's placement is the product's record, not a process variable: the tier the scheme
-- of delegation gave when the approval task was created, the tier an overdue approval was escalated to, and
-- the tier of the person who approved.
alter table referral add column approver_group varchar(40);
alter table referral add column approval_escalated_to varchar(40);
alter table referral add column approved_as varchar(40);
