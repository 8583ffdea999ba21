-- Objectives roll up the alignment tree (issue #16).
-- The writable lifecycle (ACTIVE, COMPLETED, CANCELLED) is now 'state': 'status' names the derived tracking status.
alter table objective rename column status to state;
-- How progress is computed: KEY_RESULTS, CHILDREN or BOTH; null means the default (KEY_RESULTS when the
-- objective has key results, else CHILDREN), decided when progress is computed.
alter table objective add column progress_mode varchar(20);
-- Its share in its parent's progress (> 0).
alter table objective add column weight double precision not null default 1;
-- PUBLIC, or PRIVATE: visible only to the owner, the creator, its team and admins.
alter table objective add column visibility varchar(10) not null default 'PUBLIC';
-- The weighted mean of its key results' scores once all are scored; null before.
alter table objective add column score double precision;

-- The history of every change of an objective's progress, with its cause.
create table objective_progress (
    id           uuid                     not null primary key,
    objective_id uuid                     not null references objective (id) on delete cascade,
    at           timestamp with time zone not null,
    progress     double precision         not null,
    source       varchar(20)              not null,
    cause        varchar(300)             not null
);
create index ix_objective_progress_objective on objective_progress (objective_id, at);
