-- Portfolio: a lender's decisions as a whole (docs/portfolio.md). Each decision's reporting dimensions
-- and counted claims are worked out once, when it is stored, and counters per month are kept in the
-- same transaction, so a summary over a million decisions reads a few thousand rows.

-- One row a decision: what the portfolio reports it by. final_outcome is the person's outcome once a
-- final decision is recorded, the automated one until then (REFER: still with a person).
create table portfolio_decision (
    application_id     uuid primary key references application (id), -- a decision's, one each
    lender_id          uuid          not null,
    decided_month      date          not null, -- first day of the month decided, in the service's time zone
    rule_set_version   varchar(64)   not null,
    automated_outcome  varchar(32)   not null,
    final_outcome      varchar(32)   not null,
    legal_form         varchar(32)   not null,
    size_band          varchar(16)   not null,
    region             varchar(16)   not null, -- postcode area most of postcodesServed lie in
    deprivation_decile varchar(16)   not null,
    amount             numeric(15, 2) not null,
    term_months        integer,
    outcome_areas      varchar(400)  not null, -- space-separated codes
    beneficiary_groups varchar(800)  not null,
    social_value_gbp   numeric(30, 2)
);
create index portfolio_decision_export_idx on portfolio_decision (lender_id, decided_month, application_id);

-- Each claim as the rules counted it: gross as claimed, net of contribution and weighted by evidence,
-- and its value in GBP where the rule set or the lender values the measure.
create table decision_claim (
    application_id uuid        not null references application (id),
    position     integer       not null,
    measure      varchar(40)   not null,
    unit         varchar(30)   not null,
    gross        double precision not null,
    net          double precision not null,
    evidence     varchar(32)   not null,
    gbp          numeric(30, 2),
    value_source varchar(600),
    primary key (application_id, position)
);

-- Applications and amounts per month, rule-set version, outcome pair and group of one dimension
-- (ALL, LEGAL_FORM, SIZE_BAND, REGION, DEPRIVATION, and AREA_GROUP: an Outcomes Matrix cell).
create table portfolio_tally (
    lender_id         uuid           not null,
    dimension         varchar(16)    not null,
    decided_month     date           not null,
    rule_set_version  varchar(64)    not null,
    grp               varchar(80)    not null,
    automated_outcome varchar(32)    not null,
    final_outcome     varchar(32)    not null,
    applications      bigint         not null,
    amount            numeric(20, 2) not null,
    primary key (lender_id, dimension, decided_month, rule_set_version, grp, automated_outcome, final_outcome)
);

-- Counted claims per month, rule-set version, outcome pair, measure and source of the value.
create table portfolio_measure (
    lender_id         uuid             not null,
    decided_month     date             not null,
    rule_set_version  varchar(64)      not null,
    automated_outcome varchar(32)      not null,
    final_outcome     varchar(32)      not null,
    measure           varchar(40)      not null,
    value_source      varchar(600)     not null, -- '' where the measure has no value in GBP
    claims            bigint           not null,
    gross             double precision not null,
    net               double precision not null,
    gbp               numeric(30, 2)   not null,
    primary key (lender_id, decided_month, rule_set_version, automated_outcome, final_outcome, measure, value_source)
);
