-- Providers keep their homes' vacancies current themselves (PUT /api/providers/{id}/services/{serviceId}/vacancies),
-- and a placement started or ended through the product moves the figure too; each figure carries the moment it was
-- last set, so the register and the options say how fresh it is and flag one older than 14 days as stale.
-- Existing homes get no date: nobody can say when their figures were last true (they changed only when this system
-- placed a child), so they read as never confirmed, hence stale, until their provider or council confirms them.
alter table care_service add column vacancies_updated_at timestamp;

-- The monthly reminder to a provider whose figures are stale is a notification like a placement's: recorded SENT only
-- once the mail server took it. It belongs to a provider, not a placement.
alter table notification alter column placement_id drop not null;
alter table notification add column provider_id bigint references provider (id);
create index ix_notification_provider on notification (provider_id);
