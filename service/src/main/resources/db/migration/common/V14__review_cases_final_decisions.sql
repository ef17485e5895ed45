-- People around each decision: lending officers of a lender, the review cases they settle, and
-- the final decisions they record beside (never instead of) the automated ones.

-- A person who signs in to the pages as a lender's officer belongs to exactly one lender.
create table lender_person (
    username  varchar(50) primary key references users (username),
    lender_id uuid        not null references lender (id)
);

-- One case a decision at most: opened by a REFER, by an applicant's request, or by an officer.
create table review_case (
    id                uuid primary key,
    decision_id       uuid         not null unique references decision (id),
    application_id    uuid         not null references application (id),
    lender_id         uuid         not null references lender (id),
    opened_because    varchar(16)  not null, -- REFERRED, REQUESTED, OFFICER
    opened_by         varchar(100),          -- the officer, when one opened it
    opened_at         timestamp with time zone not null,
    due_at            timestamp with time zone not null,
    state             varchar(20)  not null, -- OPEN, ASSIGNED, AWAITING_APPROVAL, DECIDED
    assigned_to       varchar(50),
    assigned_at       timestamp with time zone,
    requested_at      timestamp with time zone, -- the applicant asked a person to review, once per decision
    request_text      varchar(2000),
    request_due_at    timestamp with time zone,
    decided_at        timestamp with time zone,
    version           bigint       not null default 0
);
create index review_case_queue_idx on review_case (lender_id, state, opened_at);
create index review_case_application_idx on review_case (application_id);

create table case_note (
    id         uuid primary key,
    case_id    uuid          not null references review_case (id),
    written_by varchar(50)   not null,
    written_at timestamp with time zone not null,
    text       varchar(4000) not null
);
create index case_note_case_idx on case_note (case_id, written_at);

-- An override in the applicant's favour above the four-eyes amount waits here for a second person.
create table final_decision_proposal (
    id              uuid primary key,
    case_id         uuid          not null references review_case (id),
    outcome         varchar(32)   not null,
    conditions      text,          -- JSON array of texts
    criteria        text,          -- JSON array of the criteria the officer disagrees with
    rationale       varchar(4000) not null,
    override_reason varchar(40),
    direction       varchar(16),   -- MORE_FAVOURABLE, LESS_FAVOURABLE
    proposed_by     varchar(50)   not null,
    proposed_at     timestamp with time zone not null,
    settled         varchar(16),   -- APPROVED, RETURNED
    settled_by      varchar(50),
    settled_at      timestamp with time zone,
    settle_note     varchar(4000)
);
create index final_decision_proposal_case_idx on final_decision_proposal (case_id, proposed_at);

-- The final decision, immutable and chained like the automated ones (its own chain, head row 2,
-- each link also sealing the automated decision's hash).
create table final_decision (
    id                uuid primary key,
    case_id           uuid          not null unique references review_case (id),
    decision_id       uuid          not null unique references decision (id),
    application_id    uuid          not null references application (id),
    lender_id         uuid          not null references lender (id),
    automated_outcome varchar(32)   not null,
    rule_set_version  varchar(64)   not null,
    outcome           varchar(32)   not null,
    conditions        text,
    criteria          text,
    rationale         varchar(4000) not null,
    override_reason   varchar(40),
    direction         varchar(16),
    decided_by        varchar(50)   not null,
    approved_by       varchar(50),
    case_opened_at    timestamp with time zone not null,
    decided_at        timestamp with time zone not null,
    sequence          bigint        not null unique,
    previous_hash     varchar(64)   not null,
    hash              varchar(64)   not null
);
create index final_decision_lender_idx on final_decision (lender_id, decided_at);

insert into decision_chain (id, last_sequence, last_hash)
values (2, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Final decisions are published like automated ones, as their own message type.
alter table decision_outbox add column message_type varchar(40);
alter table decision_outbox add column message_id uuid;
