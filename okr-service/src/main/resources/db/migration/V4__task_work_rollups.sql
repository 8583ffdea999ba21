-- Linked tasks now reach okr-service as project-service's per-key-result rollups (project.key-result-work):
-- the newest applied rollup's sequence and sums live on the key result, the per-task copy goes.
alter table key_result add column tasks_sequence bigint not null default 0;
alter table key_result add column tasks_done_weight numeric(38, 20) not null default 0;
alter table key_result add column tasks_counted_weight numeric(38, 20) not null default 0;
drop table linked_task;
