-- project-service schema. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
create table project (
    id              uuid                     not null primary key,
    name            varchar(200)             not null,
    description     varchar(4000),
    business_case   varchar(4000),
    owner_id        varchar(100)             not null,
    start_date      date,
    due_date        date,
    budget_amount   numeric(19, 4),
    budget_currency varchar(3),
    stage           varchar(20)              not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint                   not null
);
create index ix_project_owner on project (owner_id);
create index ix_project_stage on project (stage);

-- The key results a project contributes to, in the order the client gave them.
create table project_key_result (
    project_id    uuid    not null references project (id) on delete cascade,
    position      integer not null,
    key_result_id uuid    not null,
    primary key (project_id, position)
);
create index ix_project_key_result_kr on project_key_result (key_result_id);

-- The cost ledger: actualCost is the sum of a project's entries. Entries are never changed.
create table cost_entry (
    id          uuid                     not null primary key,
    project_id  uuid                     not null references project (id) on delete cascade,
    amount      numeric(19, 4)           not null,
    currency    varchar(3)               not null,
    description varchar(500),
    incurred_on date                     not null,
    recorded_by varchar(100),
    created_at  timestamp with time zone not null,
    version     bigint                   not null
);
create index ix_cost_entry_project on cost_entry (project_id, incurred_on);

create table task (
    id            uuid                     not null primary key,
    project_id    uuid                     not null references project (id) on delete cascade,
    title         varchar(200)             not null,
    description   varchar(4000),
    assignee_id   varchar(100),
    due_date      date,
    key_result_id uuid,
    weight        double precision         not null,
    status        varchar(20)              not null,
    completed_at  timestamp with time zone,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint                   not null
);
create index ix_task_project on task (project_id, status);
create index ix_task_key_result on task (key_result_id);
create index ix_task_assignee on task (assignee_id);

-- okr-service's key results as project-service knows them: enough to check keyResultId references.
-- Filled from okr.key-results events (a later issue); tests seed it directly.
create table key_result_replica (
    id              uuid                     not null primary key,
    objective_id    uuid,
    cycle_id        uuid,
    progress_source varchar(10),
    version         bigint                   not null,
    deleted         boolean                  not null,
    updated_at      timestamp with time zone not null
);
