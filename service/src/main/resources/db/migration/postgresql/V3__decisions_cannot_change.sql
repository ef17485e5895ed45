-- The database of record refuses any change to a decision, its reasons, its scores or its inputs.
create function blended_forbid_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'Blended keeps % rows immutable: % is not allowed', tg_table_name, tg_op
        using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger decision_immutable before update or delete on decision
    for each row execute function blended_forbid_change();
create trigger decision_reason_immutable before update or delete on decision_reason
    for each row execute function blended_forbid_change();
create trigger decision_score_immutable before update or delete on decision_score
    for each row execute function blended_forbid_change();
create trigger application_immutable before update or delete on application
    for each row execute function blended_forbid_change();
create trigger decision_truncate_forbidden before truncate on decision
    for each statement execute function blended_forbid_change();
