-- Ofsted registers settings, not companies: each children's home (and each other registered setting) has its own URN,
-- rating and registration status, which the register takes from Ofsted's published providers-and-places list. A home
-- without a URN of its own (a fostering agency's household) is covered by its provider's registration. The URN is
-- unique: the import matches homes on it, so running the same list twice changes nothing.
alter table care_service add column ofsted_urn varchar(10);
alter table care_service add column ofsted_rating varchar(30);
alter table care_service add column ofsted_rating_date date;
alter table care_service add column ofsted_registration_status varchar(30);
create unique index ux_care_service_ofsted_urn on care_service (ofsted_urn);

-- The rating the accreditation outcome was decided on: Ofsted's register's at the time, never Form A's claim (which
-- stays in ofsted_rating, as the provider wrote it, to be checked against the register).
alter table accreditation add column register_ofsted_rating varchar(30);
