-- Each search of a referral is a round: a new search adds its options under the next round number and keeps
-- the earlier rounds' options, offers and decisions as the referral's history (deleting them failed on the offers
-- that provider referrals still pointed at). A waiver is decided for the round it concerns.
alter table referral add column search_round int default 0 not null;
alter table placement_option add column search_round int default 1 not null;
update referral set search_round = 1 where id in (select referral_id from placement_option);
