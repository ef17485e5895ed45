-- A final decision, like an automated one, is never changed or removed.
create trigger final_decision_immutable before update or delete on final_decision
    for each row execute function blended_forbid_change();
create trigger final_decision_truncate_forbidden before truncate on final_decision
    for each statement execute function blended_forbid_change();
