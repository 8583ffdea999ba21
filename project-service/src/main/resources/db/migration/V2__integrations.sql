-- Inbound integrations (docs/integrations.md): an external PM tool's project (a GitHub repository, a Jira
-- project, or anything speaking the generic form) feeding tasks into one of our projects.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
create table integration (
    id                    uuid                     not null primary key,
    source                varchar(10)              not null,
    project_id            uuid                     not null references project (id) on delete cascade,
    external_project      varchar(200),
    default_key_result_id uuid,
    -- AES-GCM under okrpm.integrations.encryption-key: the secret must be usable to verify HMACs
    secret_ciphertext     varchar(1000)            not null,
    created_by            varchar(100),
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               bigint                   not null
);
create index ix_integration_project on integration (project_id);

-- One row per external item (issue) an integration has heard of: its task, the external state last seen
-- and the time of the newest event applied (older events are stale). A deleted item stays as a tombstone.
create table integration_item (
    id             uuid                     not null primary key,
    integration_id uuid                     not null references integration (id) on delete cascade,
    external_id    varchar(200)             not null,
    task_id        uuid references task (id) on delete set null,
    external_state varchar(20)              not null,
    last_event_at  timestamp with time zone,
    deleted        boolean                  not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);
create unique index ux_integration_item on integration_item (integration_id, external_id);
create index ix_integration_item_task on integration_item (task_id);

-- The delivery log: every correctly signed delivery with its outcome, the last N per integration.
create table integration_delivery (
    id                uuid                     not null primary key,
    integration_id    uuid                     not null references integration (id) on delete cascade,
    delivery_id       varchar(200)             not null,
    event             varchar(100),
    external_id       varchar(200),
    outcome           varchar(20)              not null,
    detail            varchar(500),
    task_id           uuid,
    payload           varchar,
    payload_truncated boolean                  not null,
    received_at       timestamp with time zone not null
);
create index ix_integration_delivery_received on integration_delivery (integration_id, received_at);
create index ix_integration_delivery_id on integration_delivery (integration_id, delivery_id);

-- A task made by an integration names its origin; one task per external item and integration.
alter table task add column integration_id uuid references integration (id) on delete set null;
alter table task add column external_source varchar(10);
alter table task add column external_id varchar(200);
create unique index ux_task_external on task (integration_id, external_id);
