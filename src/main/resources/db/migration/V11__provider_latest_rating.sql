-- Each provider's latest rated monitoring round, kept as rounds are rated. The ranking and the register read it
-- for every provider they show; asked of monitoring_round they read every rated round the provider ever had
-- (a provider with 50 children placed has hundreds a year), so a search slowed as the years went by. The
-- rating itself stays on the round: this table only points at it.
create table provider_latest_rating (
    provider_id   bigint      not null primary key references provider (id),
    round_id      bigint      not null references monitoring_round (id)
);
insert into provider_latest_rating (provider_id, round_id)
select provider_id, id from (
    select r.provider_id, r.id, row_number() over (partition by r.provider_id order by r.rated_at desc, r.id desc) as newest
    from monitoring_round r where r.rating is not null) rated
where newest = 1;
