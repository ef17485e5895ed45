-- Applicants read their own assessment through an unguessable link: /assessment/<access_token>.
alter table application add column access_token varchar(64);
create unique index application_access_token_idx on application (access_token);
