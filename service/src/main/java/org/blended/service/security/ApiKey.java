package org.blended.service.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An API key as stored: its SHA-256 and a hint to recognise it by, never the key itself. */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    private UUID id;

    private String name;

    private String keyHash;

    private String keyHint;

    @Enumerated(EnumType.STRING)
    private Role role;

    private UUID lenderId;

    private String createdBy;

    private Instant createdAt;

    private String revokedBy;

    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(String name, String keyHash, String keyHint, Role role, UUID lenderId, String createdBy, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.keyHash = keyHash;
        this.keyHint = keyHint;
        this.role = role;
        this.lenderId = lenderId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void revoke(String by, Instant at) {
        this.revokedBy = by;
        this.revokedAt = at;
    }

    public boolean isRevoked() { return revokedAt != null; }
    public UUID getId() { return id; }
    public String getName() { return name; }
    public String getKeyHash() { return keyHash; }
    public String getKeyHint() { return keyHint; }
    public Role getRole() { return role; }
    public UUID getLenderId() { return lenderId; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getRevokedBy() { return revokedBy; }
    public Instant getRevokedAt() { return revokedAt; }
}
