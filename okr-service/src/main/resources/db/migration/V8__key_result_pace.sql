-- Key results get an owner and a due date; their history carries the confidence (docs/api.md, Key results).
-- The owner of an existing key result is its objective's owner; a due date left empty means the cycle's end date.
alter table key_result add column owner_id varchar(100);
update key_result set owner_id = (select o.owner_id from objective o where o.id = key_result.objective_id);
alter table key_result alter column owner_id set not null;
alter table key_result add column due_date date;
create index ix_key_result_owner on key_result (owner_id);

-- The confidence after each change; null in entries written before confidence was recorded.
alter table key_result_progress add column confidence double precision;
