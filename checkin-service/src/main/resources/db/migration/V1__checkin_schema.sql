-- checkin-service schema. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- Local replica of okr-service's cycles, objectives and key results: just the facts this service's
-- rules need. Filled from the okr.* topics (event-carried state transfer); `version` is okr-service's
-- version of the snapshot, so an older or replayed event changes nothing. Deleted ones stay as tombstones.
create table cycle_replica (
    id      uuid        not null primary key,
    phase   varchar(20) not null,
    version bigint      not null
);

create table objective_replica (
    id       uuid         not null primary key,
    cycle_id uuid         not null,
    owner_id varchar(100) not null,
    deleted  boolean      not null,
    version  bigint       not null
);
create index ix_objective_replica_cycle on objective_replica (cycle_id);
create index ix_objective_replica_owner on objective_replica (owner_id);

create table key_result_replica (
    id              uuid         not null primary key,
    objective_id    uuid         not null,
    cycle_id        uuid         not null,
    title           varchar(200),
    progress_source varchar(10)  not null,
    deleted         boolean      not null,
    version         bigint       not null
);
create index ix_key_result_replica_objective on key_result_replica (objective_id);
create index ix_key_result_replica_cycle on key_result_replica (cycle_id);

-- Check-ins: immutable records of a key result's value and the owner's confidence at a moment.
-- (`value` is a reserved word in H2, hence check_in_value.)
create table check_in (
    id             uuid                     not null primary key,
    key_result_id  uuid                     not null,
    check_in_value numeric(19, 4),
    confidence     double precision,
    comment        varchar(4000),
    blockers       varchar(4000),
    author_id      varchar(100)             not null,
    created_at     timestamp with time zone not null,
    version        bigint                   not null
);
create index ix_check_in_key_result on check_in (key_result_id, created_at);
create index ix_check_in_author on check_in (author_id, created_at);
create index ix_check_in_created on check_in (created_at);

-- Team reviews and one-on-ones.
create table review (
    id         uuid                     not null primary key,
    type       varchar(20)              not null,
    team_id    varchar(100),
    notes      varchar(10000),
    held_on    date                     not null,
    created_by varchar(100)             not null,
    created_at timestamp with time zone not null,
    version    bigint                   not null
);
create index ix_review_team on review (team_id);
create index ix_review_held_on on review (held_on);

create table review_participant (
    review_id      uuid         not null references review (id) on delete cascade,
    idx            integer      not null,
    participant_id varchar(100) not null,
    primary key (review_id, idx)
);

create table review_objective (
    review_id    uuid    not null references review (id) on delete cascade,
    idx          integer not null,
    objective_id uuid    not null,
    primary key (review_id, idx)
);
create index ix_review_objective_objective on review_objective (objective_id);

-- Retrospectives: one per objective, written while its cycle is in RETROSPECTIVE.
create table retrospective (
    id           uuid                     not null primary key,
    cycle_id     uuid                     not null,
    objective_id uuid                     not null,
    went_well    varchar(4000),
    to_improve   varchar(4000),
    lessons      varchar(4000),
    author_id    varchar(100)             not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      bigint                   not null,
    constraint uq_retrospective_objective unique (objective_id)
);
create index ix_retrospective_cycle on retrospective (cycle_id);
