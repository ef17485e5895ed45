package org.blended.service.security;

import java.security.Principal;
import java.util.UUID;

/**
 * Who is calling through an API key. A lender's key carries its lender, and everything the
 * caller reads or writes is confined to it.
 */
public record Caller(UUID keyId, String name, Role role, UUID lenderId) implements Principal {

    @Override
    public String getName() {
        return name;
    }
}
