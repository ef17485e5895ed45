package org.blended.service.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.ImpactBand;
import org.blended.rules.assessment.Outcome;
import org.blended.rules.assessment.Theme;
import org.hibernate.annotations.Immutable;

/**
 * A reasoned decision: the outcome, the rule-set version that reached it, the scores and every
 * reason, in the order the rule base reports them. Written once, never updated.
 */
@Entity
@Table(name = "decision")
@Immutable
public class Decision {

    @Id
    private UUID id; // assigned at construction: decisions are written by DecisionWriter in JDBC batches

    private UUID applicationId;

    private UUID lenderId;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String ruleSetVersion;

    @Enumerated(EnumType.STRING)
    private FinancialBand financialBand;

    @Enumerated(EnumType.STRING)
    private ImpactBand impactBand;

    private int financialScore;

    private int socialValueScore;

    private java.math.BigDecimal socialValueGbp;

    private java.math.BigDecimal socialValuePerPound;

    private LocalDate assessedOn;

    private Instant decidedAt;

    private long evaluationMicros;

    /** Position in the tamper-evident chain of all decisions, from 1. */
    private Long sequence;

    private String previousHash;

    private String hash;

    @ElementCollection
    @CollectionTable(name = "decision_score", joinColumns = @JoinColumn(name = "decision_id"))
    @MapKeyColumn(name = "theme")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "points")
    private Map<Theme, Integer> scores = new EnumMap<>(Theme.class);

    @ElementCollection
    @CollectionTable(name = "decision_reason", joinColumns = @JoinColumn(name = "decision_id"))
    @OrderColumn(name = "position")
    private List<DecisionReason> reasons = new ArrayList<>();

    protected Decision() {
    }

    public Decision(UUID applicationId, UUID lenderId, Assessment assessment, String ruleSetVersion,
                    Instant decidedAt, long evaluationMicros, long sequence, String previousHash) {
        this.id = UUID.randomUUID();
        this.applicationId = applicationId;
        this.lenderId = lenderId;
        this.sequence = sequence;
        this.previousHash = previousHash;
        this.outcome = assessment.getOutcome();
        this.ruleSetVersion = ruleSetVersion;
        this.financialBand = assessment.getFinancialBand();
        this.impactBand = assessment.getImpactBand();
        this.financialScore = assessment.getFinancialScore();
        this.socialValueScore = assessment.getSocialValueScore();
        this.socialValueGbp = money(assessment.getSocialValueGbp());
        this.socialValuePerPound = money(assessment.getSocialValuePerPound());
        this.assessedOn = assessment.getAssessedOn();
        this.decidedAt = decidedAt;
        this.evaluationMicros = evaluationMicros;
        this.scores.putAll(assessment.getScores());
        assessment.getReasons().forEach(r -> this.reasons.add(DecisionReason.of(r)));
    }

    private static java.math.BigDecimal money(Double value) {
        return value == null ? null : java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    public java.math.BigDecimal getSocialValueGbp() { return socialValueGbp; }
    public java.math.BigDecimal getSocialValuePerPound() { return socialValuePerPound; }
    public UUID getId() { return id; }
    public UUID getApplicationId() { return applicationId; }
    public UUID getLenderId() { return lenderId; }
    public Long getSequence() { return sequence; }
    public String getPreviousHash() { return previousHash; }
    public String getHash() { return hash; }

    /** Sets the chain hash, computed from everything above, before the decision is first stored. */
    public void seal(String hash) {
        if (this.hash != null) {
            throw new IllegalStateException("decision " + id + " is sealed already");
        }
        this.hash = hash;
    }
    public Outcome getOutcome() { return outcome; }
    public String getRuleSetVersion() { return ruleSetVersion; }
    public FinancialBand getFinancialBand() { return financialBand; }
    public ImpactBand getImpactBand() { return impactBand; }
    public int getFinancialScore() { return financialScore; }
    public int getSocialValueScore() { return socialValueScore; }
    public LocalDate getAssessedOn() { return assessedOn; }
    public Instant getDecidedAt() { return decidedAt; }
    public long getEvaluationMicros() { return evaluationMicros; }
    public Map<Theme, Integer> getScores() { return scores; }
    public List<DecisionReason> getReasons() { return reasons; }
}
