package org.blended.service.security;

/** What a caller may do: lenders submit and read their own applications; policy owners edit rule sets; admins manage access. */
public enum Role {
    LENDER, POLICY_OWNER, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
