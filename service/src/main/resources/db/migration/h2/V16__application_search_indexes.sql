-- Finding a lender's applications on the embedded database: the same btree indexes as on
-- PostgreSQL, without the trigram index (H2 has no pg_trgm; a name search reads the lender's rows).
create index application_lender_newest_idx on application (lender_id, received_at desc, id desc);
create index application_lender_channel_idx on application (lender_id, channel, received_at desc, id desc);
create index application_lender_form_idx on application (lender_id, legal_form, received_at desc, id desc);
create index application_lender_ref_idx on application (lender_id, lender_reference);
create index application_batch_row_idx on application (batch_id, batch_row);
create index rejection_batch_row_idx on rejection (batch_id, batch_row);
create index decision_lender_outcome_idx on decision (lender_id, outcome, application_id);
