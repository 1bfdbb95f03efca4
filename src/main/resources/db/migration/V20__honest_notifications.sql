-- A statutory notification goes by e-mail to staff and by letter to people outside the system, and is SENT only
-- when it went: the mail server accepted the e-mail, or the social worker confirmed the letter posted. Rows of the
-- first release were stamped sent without anything being sent: they are recorded as letters still to send.
alter table notification add column channel varchar(10) default 'LETTER' not null;
alter table notification add column status varchar(10) default 'PENDING' not null;
alter table notification add column address varchar(320);
alter table notification add column sent_by varchar(64);
alter table notification add column failure varchar(500);
update notification set sent_at = null;
-- a staff recipient is named by role, council and user ("Host council: … (user id)")
alter table notification alter column recipient set data type varchar(200);
