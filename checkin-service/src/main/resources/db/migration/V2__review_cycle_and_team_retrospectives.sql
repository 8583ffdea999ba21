-- Reviews belong to a cycle (optional: reviews recorded before this had none), and retrospectives may
-- cover a whole cycle for one team instead of one objective. Runs on PostgreSQL and on H2 in PostgreSQL mode.

alter table review add column cycle_id uuid;
create index ix_review_cycle on review (cycle_id);

-- A whole-cycle retrospective has a team and no objective; an objective's has no team. One per objective
-- (uq_retrospective_objective) and one per (cycle, team): NULLs are distinct in unique constraints, so the
-- objectives' retrospectives (team_id null) never collide on the second one.
alter table retrospective alter column objective_id drop not null;
alter table retrospective add column team_id varchar(100);
alter table retrospective add constraint uq_retrospective_cycle_team unique (cycle_id, team_id);
alter table retrospective add constraint ck_retrospective_subject
    check ((objective_id is null) <> (team_id is null));
