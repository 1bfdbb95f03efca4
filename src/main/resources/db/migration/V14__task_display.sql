-- What a task's form displays (the referral summary, the options table, a review's matching record), kept
-- with the product's records instead of in Camunda's variables, so that a child's details never enter the
-- engine's runtime tables or history. Served with the task's form variables to whoever may open the task,
-- and removed when the task ends.
create table task_display (
    task_id   varchar(64)  not null,
    name      varchar(64)  not null,
    json      boolean      not null,
    content   varchar      not null,
    primary key (task_id, name)
);
