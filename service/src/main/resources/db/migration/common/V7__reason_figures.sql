-- The figure a criterion compared, and the figure that would have reached the next better band.
alter table decision_reason add column figure double precision;
alter table decision_reason add column threshold double precision;
