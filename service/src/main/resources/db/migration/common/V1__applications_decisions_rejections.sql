-- Written for PostgreSQL; also runs on H2 in PostgreSQL mode (the zero-setup default).

create table application (
    id               uuid primary key,
    lender_reference varchar(64)    not null,
    channel          varchar(16)    not null,
    source           varchar(255),
    legal_name       varchar(200)   not null,
    legal_form       varchar(32)    not null,
    request_type     varchar(16)    not null,
    amount           numeric(15, 2) not null,
    payload          text           not null, -- the application as the rules saw it (canonical JSON)
    received_at      timestamp with time zone not null
);
create index application_received_at_idx on application (received_at);
create index application_lender_reference_idx on application (lender_reference);

-- A decision is written once and never changed; replay reads payload, assessed_on and rule_set_version.
create table decision (
    id                 uuid primary key,
    application_id     uuid           not null unique references application (id),
    outcome            varchar(32)    not null,
    rule_set_version   varchar(64)    not null,
    financial_band     varchar(8)     not null,
    impact_band        varchar(16)    not null,
    financial_score    integer        not null,
    social_value_score integer        not null,
    assessed_on        date           not null,
    decided_at         timestamp with time zone not null,
    evaluation_micros  bigint         not null
);
create index decision_outcome_idx on decision (outcome);

create table decision_score (
    decision_id uuid        not null references decision (id),
    theme       varchar(32) not null,
    points      integer     not null,
    primary key (decision_id, theme)
);

create table decision_reason (
    decision_id    uuid         not null references decision (id),
    position       integer      not null,
    code           varchar(64)  not null,
    criterion      varchar(16)  not null,
    theme          varchar(32)  not null,
    effect         varchar(16)  not null,
    points         integer      not null,
    rating         varchar(8),
    text           text         not null,
    applicant_text text,
    rule_name      varchar(255),
    primary key (decision_id, position)
);

-- Every submission that could not be assessed, with why: nothing submitted is lost.
create table rejection (
    id                uuid primary key,
    channel           varchar(16)  not null,
    source            varchar(255),
    reason            text         not null,
    payload           text,
    payload_truncated boolean      not null,
    received_at       timestamp with time zone not null
);
create index rejection_received_at_idx on rejection (received_at);
