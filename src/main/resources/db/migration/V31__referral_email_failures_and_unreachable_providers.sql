-- A referral e-mailed to a provider's referral address goes out after the referrals are recorded, each in its own step.
-- An address the mail server refused for good (a mailbox that no longer exists) is recorded against that one provider
-- referral, with the server's reason, and shown on its answering task; the other providers' referrals are unaffected.
alter table provider_referral add column email_failure varchar(500);

-- A provider nobody signs in for (its requests go to a Tasklist group with nobody in it) cannot answer a Form D or an
-- action plan; its silence is recorded as "could not be reached", not as "did not answer", which could lead to suspension.
alter table monitoring_round add column provider_unreachable boolean default false not null;
alter table action_plan add column provider_unreachable boolean default false not null;
