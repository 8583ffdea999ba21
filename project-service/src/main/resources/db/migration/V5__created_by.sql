-- Who created each project (the token subject) and the team it belongs to: with its owner and admins, they are
-- the ones who may change it and its tasks. Projects created before this was recorded have neither.
alter table project add column created_by varchar(100);
alter table project add column team_id varchar(100);
