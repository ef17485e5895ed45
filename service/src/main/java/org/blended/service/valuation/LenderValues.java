package org.blended.service.valuation;

import java.util.List;
import java.util.UUID;

import org.blended.rules.assessment.MeasureValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each lender's own measure values, handed to the rules beside the application. */
@Service
public class LenderValues {

    private final LenderMeasureValueRepository values;

    public LenderValues(LenderMeasureValueRepository values) {
        this.values = values;
    }

    @Transactional(readOnly = true)
    public List<MeasureValue> factsFor(UUID lenderId) {
        return values.findByLenderIdOrderByMeasure(lenderId).stream().map(LenderMeasureValue::toFact).toList();
    }

    @Transactional(readOnly = true)
    public List<LenderMeasureValue> of(UUID lenderId) {
        return values.findByLenderIdOrderByMeasure(lenderId);
    }

    /** Replaces the lender's whole value table: what is not sent is no longer valued by the lender. */
    @Transactional
    public List<LenderMeasureValue> replace(UUID lenderId, List<LenderMeasureValue> table) {
        values.deleteByLender(lenderId);
        values.flush();
        return values.saveAll(table);
    }
}
