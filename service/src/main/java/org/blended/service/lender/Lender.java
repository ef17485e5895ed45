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

    /** Whom an applicant contacts, and within how many working days the lender answers: shown on the applicant's page. */
    private String contactEmail;

    private String contactPhone;

    private Integer responseWorkingDays;

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
    public String getContactEmail() { return contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public Integer getResponseWorkingDays() { return responseWorkingDays; }

    void setProfile(String contactEmail, String contactPhone, Integer responseWorkingDays) {
        this.contactEmail = contactEmail;
        this.contactPhone = contactPhone;
        this.responseWorkingDays = responseWorkingDays;
    }
}
