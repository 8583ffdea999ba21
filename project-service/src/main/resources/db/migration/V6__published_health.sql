-- The health last announced for each project (project.project.health-changed, docs/events.md): health is computed,
-- not stored, so a change is found by comparing it with this, under the project's row lock, in the transaction of
-- every task, cost, date or stage change and in the daily sweep for the date-driven ones. Null until first assessed.
-- Written with its own statement, outside the entity, so it moves neither the project's version nor updatedAt.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
alter table project add column published_health varchar(20);
