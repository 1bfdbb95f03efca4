-- SSDA903 CIN: the child's main category of need (N1 abuse or neglect ... N8 absent parenting), for the 903 return.
alter table child add column category_of_need varchar(2);
