-- Local replica of checkin-service's retrospectives (checkin.retrospectives): only what the cycle summary needs,
-- which objectives have a retrospective of their own and which teams wrote one for a whole cycle. `version` is
-- checkin-service's, so an older or replayed event changes nothing.
create table retrospective_replica (
    id           uuid         not null primary key,
    cycle_id     uuid         not null,
    objective_id uuid,
    team_id      varchar(100),
    version      bigint       not null
);
create index ix_retrospective_replica_cycle on retrospective_replica (cycle_id);
