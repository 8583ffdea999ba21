-- Who may see an objective (okr-service's rule for a PRIVATE one: its owner, creator, team and admins), so that
-- the check-ins of a PRIVATE objective's key results are shown only to them.
alter table objective_replica add column visibility varchar(10) default 'PUBLIC' not null;
alter table objective_replica add column team_id varchar(100);
alter table objective_replica add column created_by varchar(100);
