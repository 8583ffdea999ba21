-- Rollover with lineage (issue #16): an objective or key result carried into the next cycle names the one it
-- continues. Deleting the predecessor cuts the link (set null) instead of failing.
alter table objective add column previous_id uuid references objective (id) on delete set null;
alter table key_result add column previous_id uuid references key_result (id) on delete set null;

-- An objective is copied at most once into a given cycle (a second rollover reuses the copy), and a key result
-- continues in one place only, so its lineage is a chain. Both are what makes two concurrent rollovers unable to
-- double anything; null (not rolled over) is not unique, on H2 as on PostgreSQL.
alter table objective add constraint uq_objective_previous_cycle unique (previous_id, cycle_id);
alter table key_result add constraint uq_key_result_previous unique (previous_id);
