package org.blended.service;

import java.util.UUID;

import org.blended.service.lender.Lender;
import org.blended.service.lender.LenderDirectory;
import org.blended.service.security.ApiKeys;
import org.blended.service.security.Role;
import org.springframework.stereotype.Component;

/** Registers a fresh lender with its own API key, and keys for the other roles, through the real services. */
@Component
public class TestLenders {

    private final LenderDirectory lenders;
    private final ApiKeys apiKeys;

    public TestLenders(LenderDirectory lenders, ApiKeys apiKeys) {
        this.lenders = lenders;
        this.apiKeys = apiKeys;
    }

    public record TestLender(UUID id, String code, String apiKey) {
    }

    public TestLender newLender() {
        Lender lender = lenders.register("test-" + UUID.randomUUID().toString().substring(0, 8), "Test lender");
        return new TestLender(lender.getId(), lender.getCode(),
                apiKeys.issue("test key", Role.LENDER, lender.getId(), "test").secret());
    }

    public String keyFor(Role role) {
        return apiKeys.issue("test " + role, role, null, "test").secret();
    }
}
