-- Tenancy, credentials and the tamper-evident decision chain.

create table lender (
    id         uuid primary key,
    code       varchar(40)  not null unique, -- names the lender's intake folder and broker user
    name       varchar(200) not null,
    created_at timestamp with time zone not null
);

-- Rows stored before lenders existed belong to a placeholder lender nobody can sign in as.
insert into lender (id, code, name, created_at)
values ('00000000-0000-0000-0000-000000000000', 'unassigned', 'Received before lenders were introduced', current_timestamp);

alter table application add column lender_id uuid;
update application set lender_id = '00000000-0000-0000-0000-000000000000';
alter table application alter column lender_id set not null;
alter table application add constraint application_lender_fk foreign key (lender_id) references lender (id);
create index application_lender_idx on application (lender_id, received_at);

alter table rejection add column lender_id uuid;
update rejection set lender_id = '00000000-0000-0000-0000-000000000000';
alter table rejection alter column lender_id set not null;
alter table rejection add constraint rejection_lender_fk foreign key (lender_id) references lender (id);
create index rejection_lender_idx on rejection (lender_id, received_at);

alter table decision add column lender_id uuid;
update decision set lender_id = '00000000-0000-0000-0000-000000000000';
alter table decision alter column lender_id set not null;
alter table decision add constraint decision_lender_fk foreign key (lender_id) references lender (id);

-- API keys are random and long, so a SHA-256 of the key is enough to store (no slow hash needed).
create table api_key (
    id         uuid primary key,
    name       varchar(100) not null,
    key_hash   varchar(64)  not null unique,
    key_hint   varchar(12)  not null,
    role       varchar(16)  not null,
    lender_id  uuid references lender (id),
    created_by varchar(100) not null,
    created_at timestamp with time zone not null,
    revoked_by varchar(100),
    revoked_at timestamp with time zone,
    constraint api_key_lender_role check (role <> 'LENDER' or lender_id is not null)
);

-- People who sign in to the pages: the schema of Spring Security's JdbcUserDetailsManager.
create table users (
    username varchar(50)  primary key,
    password varchar(500) not null,
    enabled  boolean      not null
);
create table authorities (
    username  varchar(50) not null references users (username),
    authority varchar(50) not null
);
create unique index authorities_username_idx on authorities (username, authority);

-- Each decision carries the hash of its content chained to the previous decision's hash.
-- Decisions stored before the chain existed keep a null sequence and are not covered.
alter table decision add column sequence bigint unique;
alter table decision add column previous_hash varchar(64);
alter table decision add column hash varchar(64);

create table decision_chain (
    id            integer primary key,
    last_sequence bigint      not null,
    last_hash     varchar(64) not null
);
insert into decision_chain (id, last_sequence, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
