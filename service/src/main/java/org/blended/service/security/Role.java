package org.blended.service.security;

import org.springframework.security.core.Authentication;

/**
 * What a caller may do: lenders submit and read their own applications; policy owners change the
 * values of rule sets (decision-table cells, Test Scenarios), validate, approve, publish and roll
 * back; rule authors may do all that and also change code (DRL files, a table's structure and code
 * rows); admins manage access. Officers are a lender's staff who settle review cases on the pages,
 * seeing only their lender's applications; a senior officer also gives the second approval an
 * override in the applicant's favour may need.
 */
public enum Role {
    LENDER, POLICY_OWNER, RULE_AUTHOR, ADMIN, OFFICER, SENIOR_OFFICER;

    /** Roles of a lender's staff: each such person belongs to one lender. */
    public boolean ofLenderStaff() {
        return this == OFFICER || this == SENIOR_OFFICER;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether the signed-in person or API key holds this role. */
    public boolean heldBy(Authentication caller) {
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> authority().equals(a.getAuthority()));
    }
}
