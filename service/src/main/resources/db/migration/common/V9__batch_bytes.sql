-- How far into its file a batch has read, so progress shows before the total row count is known.
alter table batch add column bytes_total bigint;
alter table batch add column bytes_read bigint;
