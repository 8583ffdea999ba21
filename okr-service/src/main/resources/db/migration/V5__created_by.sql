-- Who created each objective (the token subject): the creator may change it and its key results as its owner may.
-- Objectives created before this was recorded have none.
alter table objective add column created_by varchar(100);
