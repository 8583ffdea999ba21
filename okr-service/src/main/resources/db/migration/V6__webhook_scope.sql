-- A webhook may be scoped to one cycle, objective or project (or a combination, all must match): only events
-- whose snapshot carries that id are delivered to it. Null: no restriction.
alter table webhook_subscription add column cycle_id uuid;
alter table webhook_subscription add column objective_id uuid;
alter table webhook_subscription add column project_id uuid;
