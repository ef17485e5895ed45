package org.blended.rules.assessment;

/** How much social value, in bands of our own (not an official scale). */
public enum ImpactBand {
    LOW, MEDIUM, HIGH, EXCEPTIONAL;

    /** One band down (LOW stays LOW): finance that is readily available elsewhere adds less (E5). */
    public ImpactBand lower() {
        return this == LOW ? LOW : values()[ordinal() - 1];
    }
}
