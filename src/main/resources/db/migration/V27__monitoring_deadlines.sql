-- Monitoring that chases: evidence due 10 working days after a round opens, escalated 5 after that,
-- and the silence of whoever did not answer recorded on the round.
alter table monitoring_round add column evidence_due date;
alter table monitoring_round add column evidence_escalation date;
alter table monitoring_round add column feedback_not_returned_by date;
alter table monitoring_round add column outcome_report_not_returned_by date;

-- Action plans: the deadline is the contracts officer's (who and when), a provider silent at it is recorded,
-- an unresolved plan is the commissioning managers' decision (suspend or extend: who, when, why), and the
-- accreditation a conditions plan belongs to.
alter table action_plan add column accreditation_id bigint references accreditation (id);
alter table action_plan add column deadline_set_by varchar(100);
alter table action_plan add column deadline_set_at timestamp;
alter table action_plan add column not_answered_by date;
alter table action_plan add column decision varchar(20);
alter table action_plan add column decision_reason varchar(4000);
alter table action_plan add column decided_by varchar(100);
alter table action_plan add column decided_at timestamp;
