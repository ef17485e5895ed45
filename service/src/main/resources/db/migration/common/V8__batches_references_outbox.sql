-- Intake at volume: one decision per (lender, reference), batches with progress, and an outbox
-- of decisions to publish.

-- The lender's own reference names an application once: a second submission of it gets the
-- first decision back. Kept apart from application so that applications stored before this
-- (possibly with repeated references, and immutable) need no change: the earliest one counts.
create table application_reference (
    lender_id        uuid        not null,
    lender_reference varchar(64) not null,
    application_id   uuid        not null,
    primary key (lender_id, lender_reference)
);
insert into application_reference (lender_id, lender_reference, application_id)
select a.lender_id, a.lender_reference, a.id
from application a
where not exists (select 1
                  from application b
                  where b.lender_id = a.lender_id
                    and b.lender_reference = a.lender_reference
                    and (b.received_at < a.received_at or (b.received_at = a.received_at and b.id < a.id)));

-- A file of many applications or a POST /api/v1/batches. The counters move in the same
-- transaction as the rows they count, so every instance sees the same progress.
create table batch (
    id              uuid primary key,
    lender_id       uuid         not null references lender (id),
    channel         varchar(16)  not null,
    source          varchar(255) not null,
    format          varchar(8)   not null,
    status          varchar(16)  not null,
    rows_read       integer      not null default 0,
    total_rows      integer,
    decided         integer      not null default 0,
    already_decided integer      not null default 0,
    rejected        integer      not null default 0,
    approved        integer      not null default 0,
    approved_with_conditions integer not null default 0,
    referred        integer      not null default 0,
    declined        integer      not null default 0,
    failure         text,
    claimed_by      varchar(80), -- the instance working on it; a lease, so a crashed instance's batch is taken over
    claimed_until   timestamp with time zone,
    received_at     timestamp with time zone not null,
    finished_at     timestamp with time zone
);
create index batch_lender_idx on batch (lender_id, received_at);

alter table application add column batch_id uuid;
alter table application add column batch_row integer;
create index application_batch_idx on application (batch_id);

alter table rejection add column batch_id uuid;
alter table rejection add column batch_row integer;
create index rejection_batch_idx on rejection (batch_id);

-- Decisions waiting to be published to the blended.decisions exchange: written with the
-- decision, deleted once the broker confirms, so a broker outage delays but never loses one.
create table decision_outbox (
    id             uuid primary key,
    application_id uuid         not null, -- the message id lenders can deduplicate on
    routing_key    varchar(40)  not null,
    payload        text         not null,
    created_at     timestamp with time zone not null,
    attempts       integer      not null default 0,
    last_error     text
);
create index decision_outbox_created_idx on decision_outbox (created_at);
