package org.blended.service.valuation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.blended.rules.application.Measure;

/** A lender's own value for one measure; it replaces the rule set's default for that lender. */
@Entity
@Table(name = "lender_measure_value")
@IdClass(LenderMeasureValue.Key.class)
class LenderMeasureValue {

    public record Key(UUID lenderId, Measure measure) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    private UUID lenderId;

    @Id
    @Enumerated(EnumType.STRING)
    private Measure measure;

    private BigDecimal gbpPerUnit;

    private String source;

    private String licence;

    protected LenderMeasureValue() {
    }

    public LenderMeasureValue(UUID lenderId, Measure measure, BigDecimal gbpPerUnit, String source, String licence) {
        this.lenderId = lenderId;
        this.measure = measure;
        this.gbpPerUnit = gbpPerUnit;
        this.source = source;
        this.licence = licence;
    }

    public UUID getLenderId() { return lenderId; }
    public Measure getMeasure() { return measure; }
    public BigDecimal getGbpPerUnit() { return gbpPerUnit; }
    public String getSource() { return source; }
    public String getLicence() { return licence; }
}
