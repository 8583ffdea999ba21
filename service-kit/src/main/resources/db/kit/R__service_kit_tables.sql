-- Tables of the service kit, shared by every service. A repeatable migration with IF NOT EXISTS, so it
-- needs no version slot among a service's own migrations; Flyway runs it again whenever it changes.
create table if not exists idempotency_record (
    id           varchar(64)              not null primary key,
    request_hash varchar(64)              not null,
    status       integer                  not null,
    location     varchar(2000),
    body         varchar,
    created_at   timestamp with time zone not null
);
create index if not exists ix_idempotency_record_created_at on idempotency_record (created_at);
