-- Valued social value a year (net claims with a published or lender value) and per pound requested.
alter table decision add column social_value_gbp numeric(15, 2);
alter table decision add column social_value_per_pound numeric(12, 2);
