-- Social value in money is the valued claims added up, and per pound that sum over the amount asked:
-- with claims up to 100,000,000 units, a lender's own value of up to 10^13 a unit and an amount of
-- 0.01, neither fits numeric(15, 2) or numeric(12, 2), and a valid application failed to store.
-- numeric(30, 2) holds every figure a valid application can produce.
alter table decision alter column social_value_gbp set data type numeric(30, 2);
alter table decision alter column social_value_per_pound set data type numeric(30, 2);
