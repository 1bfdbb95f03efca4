-- Each looked-after child has an allocated social worker and an independent reviewing officer (Children Act
-- 1989, s.25A): the people the child's tasks go to. User ids of the identity service.
alter table child add column allocated_social_worker varchar(64);
alter table child add column iro varchar(64);
