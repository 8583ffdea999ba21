-- okr-service schema. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
create table cycle (
    id         uuid                     not null primary key,
    name       varchar(100)             not null,
    start_date date                     not null,
    end_date   date                     not null,
    phase      varchar(20)              not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint                   not null,
    constraint uq_cycle_name unique (name)
);

create table objective (
    id          uuid                     not null primary key,
    cycle_id    uuid                     not null references cycle (id),
    title       varchar(200)             not null,
    description varchar(4000),
    level       varchar(20)              not null,
    owner_id    varchar(100)             not null,
    team_id     varchar(100),
    parent_id   uuid references objective (id),
    status      varchar(20)              not null,
    progress    double precision         not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint                   not null
);
create index ix_objective_cycle on objective (cycle_id);
create index ix_objective_parent on objective (parent_id);
create index ix_objective_owner on objective (owner_id);

create table key_result (
    id              uuid                     not null primary key,
    objective_id    uuid                     not null references objective (id),
    cycle_id        uuid                     not null references cycle (id),
    title           varchar(200)             not null,
    metric_type     varchar(20)              not null,
    unit            varchar(30),
    start_value     numeric(19, 4)           not null,
    target_value    numeric(19, 4)           not null,
    current_value   numeric(19, 4)           not null,
    weight          double precision         not null,
    progress_source varchar(10)              not null,
    progress        double precision         not null,
    confidence      double precision,
    score           double precision,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint                   not null
);
create index ix_key_result_objective on key_result (objective_id);
create index ix_key_result_cycle on key_result (cycle_id);

-- The history of every progress change, with its cause.
create table key_result_progress (
    id            uuid                     not null primary key,
    key_result_id uuid                     not null references key_result (id) on delete cascade,
    at            timestamp with time zone not null,
    progress      double precision         not null,
    current_value numeric(19, 4),
    source        varchar(10)              not null,
    cause         varchar(300)             not null
);
create index ix_key_result_progress_kr on key_result_progress (key_result_id, at);

-- project-service's tasks that are linked to key results (filled from project.tasks events).
create table linked_task (
    task_id       uuid             not null primary key,
    key_result_id uuid,
    weight        double precision not null,
    status        varchar(20)      not null,
    task_version  bigint           not null
);
create index ix_linked_task_kr on linked_task (key_result_id);
