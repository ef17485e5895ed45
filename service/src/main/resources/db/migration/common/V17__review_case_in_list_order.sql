-- Finding applications by review state (GET /api/v1/applications?reviewState=OPEN) walks a lender's
-- cases newest first, like the list itself: the case keeps its application's arrival time, so the
-- walk needs no look-up of every case's application to sort (docs/benchmarks.md, search).
alter table review_case add column received_at timestamp with time zone;
update review_case set received_at = (select a.received_at from application a where a.id = review_case.application_id);
alter table review_case alter column received_at set not null;
create index review_case_state_newest_idx on review_case (lender_id, state, received_at desc, application_id desc);
