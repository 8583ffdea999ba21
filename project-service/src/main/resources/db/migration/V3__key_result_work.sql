-- Per key result, the rollup of its linked tasks (docs/events.md, 'Facts that combine many aggregates'): recomputed from the task table under this
-- row's lock in the transaction of every task change, and published on project.key-result-work with the next
-- sequence. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
--
-- Weights are sums of BigDecimal.valueOf(double) of task weights (each 0 < w <= 1,000,000), so numeric(38, 20):
-- 18 integer digits hold 10^12 tasks of the largest weight; 20 decimals hold every weight >= 0.0001 exactly with
-- all the digits a double prints (at most 17 significant ones). Smaller weights are rounded (half even) at the
-- 20th decimal, the only rounding there is.
create table key_result_work (
    key_result_id     uuid                     not null primary key,
    sequence          bigint                   not null,
    done_weight       numeric(38, 20)          not null,
    counted_weight    numeric(38, 20)          not null,
    todo_count        integer                  not null,
    in_progress_count integer                  not null,
    done_count        integer                  not null,
    cancelled_count   integer                  not null,
    updated_at        timestamp with time zone not null
);

-- A task weight is now 0 < weight <= 1,000,000 and finite. Before, anything > 0 was accepted (1e309 was stored
-- as Infinity, which no exact sum can hold): such weights are capped at the new maximum.
update task set weight = 1000000 where weight > 1000000;
alter table task add constraint ck_task_weight check (weight > 0 and weight <= 1000000);
