package org.blended.service.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.blended.integration.submission.Channel;
import org.blended.rules.application.LegalForm;
import org.blended.rules.application.RequestType;
import org.hibernate.annotations.Immutable;

/** An application as received and assessed: the inputs of its decision, kept for replay. */
@Entity
@Table(name = "application")
@Immutable
public class StoredApplication {

    @Id
    private UUID id; // assigned at construction: applications are written by DecisionWriter in JDBC batches

    private UUID lenderId;

    private String lenderReference;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String source;

    private String legalName;

    @Enumerated(EnumType.STRING)
    private LegalForm legalForm;

    @Enumerated(EnumType.STRING)
    private RequestType requestType;

    private BigDecimal amount;

    @Column(columnDefinition = "text")
    private String payload;

    private Instant receivedAt;

    /** The lender's own measure values the rules saw (JSON), null when it had none. */
    @Column(columnDefinition = "text")
    private String lenderValues;

    private UUID batchId;

    private Integer batchRow;

    /** The capability in the applicant's link: 256 random bits, so it cannot be guessed. */
    private String accessToken;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    protected StoredApplication() {
    }

    public StoredApplication(UUID lenderId, String lenderReference, Channel channel, String source, String legalName,
                             LegalForm legalForm, RequestType requestType, BigDecimal amount, String payload,
                             String lenderValues, Instant receivedAt, UUID batchId, Integer batchRow) {
        this.id = UUID.randomUUID();
        this.lenderValues = lenderValues;
        this.batchId = batchId;
        this.batchRow = batchRow;
        this.lenderId = lenderId;
        this.lenderReference = lenderReference;
        this.channel = channel;
        this.source = source;
        this.legalName = legalName;
        this.legalForm = legalForm;
        this.requestType = requestType;
        this.amount = amount;
        this.payload = payload;
        this.receivedAt = receivedAt;
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        this.accessToken = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    public UUID getId() { return id; }
    public UUID getLenderId() { return lenderId; }
    public String getLenderReference() { return lenderReference; }
    public Channel getChannel() { return channel; }
    public String getSource() { return source; }
    public String getLegalName() { return legalName; }
    public LegalForm getLegalForm() { return legalForm; }
    public RequestType getRequestType() { return requestType; }
    public BigDecimal getAmount() { return amount; }
    public String getPayload() { return payload; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getLenderValues() { return lenderValues; }
    public String getAccessToken() { return accessToken; }
    public UUID getBatchId() { return batchId; }
    public Integer getBatchRow() { return batchRow; }
}
