-- Failed sign-ins to the pages, counted per user name and per client address in the database so
-- that every instance sees the same counts. A subject that fails too often is locked for a period
-- that doubles with each lockout; a row is forgotten a while after its last failure.
create table sign_in_attempt (
    kind            varchar(8)   not null, -- USER or ADDRESS
    subject         varchar(255) not null, -- the user name as typed, or the client address
    failures        integer      not null, -- since the last lockout (or since the row began)
    lockouts        integer      not null, -- so far; each one lasts twice as long as the one before
    last_failure_at timestamp with time zone not null,
    locked_until    timestamp with time zone,
    primary key (kind, subject)
);
create index sign_in_attempt_last_failure_idx on sign_in_attempt (last_failure_at);
