-- What an applicant's page says about whom to contact and when: each lender sets its own; unset, the page says less.
alter table lender add column contact_email varchar(254);
alter table lender add column contact_phone varchar(40);
alter table lender add column response_working_days integer;
