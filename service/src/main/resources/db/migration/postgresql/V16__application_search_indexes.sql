-- Finding a lender's applications (GET /api/v1/applications): newest first, a keyset page at a time,
-- each filter narrowing the walk down an index in that order. Measured on a million applications:
-- docs/benchmarks.md.

-- The list itself, and the tie-breaker that makes the keyset exact.
create index application_lender_newest_idx on application (lender_id, received_at desc, id desc);
-- Filters on the application's own columns, each still in list order.
create index application_lender_channel_idx on application (lender_id, channel, received_at desc, id desc);
create index application_lender_form_idx on application (lender_id, legal_form, received_at desc, id desc);
create index application_lender_ref_idx on application (lender_id, lender_reference);
-- A batch's applications in row order (its results), and by batch in the list.
create index application_batch_row_idx on application (batch_id, batch_row);
create index rejection_batch_row_idx on rejection (batch_id, batch_row);

-- "Name contains": trigrams let ILIKE '%text%' use an index. pg_trgm is a trusted extension
-- (PostgreSQL 13+), so the database's owner may create it; where it cannot be created the search
-- still works, without this index. The operator class is named in the extension's own schema,
-- which need not be on the search path (the service's schema may be another one).
do $$
declare
    trgm_schema text;
begin
    begin
        create extension if not exists pg_trgm;
    exception when others then
        raise notice 'Name search has no trigram index: pg_trgm could not be created (%)', sqlerrm;
        return;
    end;
    select n.nspname into trgm_schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
    execute format('create index application_legal_name_trgm_idx on application using gin (legal_name %I.gin_trgm_ops)',
                   trgm_schema);
end
$$;

-- Outcome: the decision is found from its application, in list order.
create index decision_lender_outcome_idx on decision (lender_id, outcome, application_id);
