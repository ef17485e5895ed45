package org.blended.service.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.blended.integration.submission.Channel;
import org.hibernate.annotations.Immutable;

/** A submission that could not be assessed, with why and (up to a limit) what was sent. */
@Entity
@Table(name = "rejection")
@Immutable
public class Rejection {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    private UUID lenderId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String source;

    @Column(columnDefinition = "text")
    private String reason;

    @Column(columnDefinition = "text")
    private String payload;

    private boolean payloadTruncated;

    private Instant receivedAt;

    private UUID batchId;

    private Integer batchRow;

    protected Rejection() {
    }

    public Rejection(UUID lenderId, Channel channel, String source, String reason, String payload, boolean payloadTruncated,
                     Instant receivedAt, UUID batchId, Integer batchRow) {
        this.batchId = batchId;
        this.batchRow = batchRow;
        this.lenderId = lenderId;
        this.channel = channel;
        this.source = source;
        this.reason = reason;
        this.payload = payload;
        this.payloadTruncated = payloadTruncated;
        this.receivedAt = receivedAt;
    }

    /**
     * The same refusal as a row still to insert: storing a chunk again after its transaction failed
     * must insert anew, and the failed attempt left its id on the entity.
     */
    Rejection unsaved() {
        return new Rejection(lenderId, channel, source, reason, payload, payloadTruncated, receivedAt, batchId, batchRow);
    }

    public UUID getId() { return id; }
    public UUID getLenderId() { return lenderId; }
    public Channel getChannel() { return channel; }
    public String getSource() { return source; }
    public String getReason() { return reason; }
    public String getPayload() { return payload; }
    public boolean isPayloadTruncated() { return payloadTruncated; }
    public Instant getReceivedAt() { return receivedAt; }
    public UUID getBatchId() { return batchId; }
    public Integer getBatchRow() { return batchRow; }
}
