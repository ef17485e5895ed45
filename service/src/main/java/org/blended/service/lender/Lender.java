package org.blended.service.lender;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A social lender using the service: every application, decision and rejection belongs to one. */
@Entity
@Table(name = "lender")
public class Lender {

    @Id
    private UUID id;

    /** Short and stable: names the lender's intake folder and its broker user. */
    private String code;

    private String name;

    private Instant createdAt;

    protected Lender() {
    }

    public Lender(String code, String name, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.name = name;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public Instant getCreatedAt() { return createdAt; }
}
