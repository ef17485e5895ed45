package org.blended.service.valuation;

import java.util.List;
import java.util.UUID;

import org.blended.rules.application.Measure;
import org.blended.rules.assessment.MeasureValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each lender's own measure values, handed to the rules beside the application. */
@Service
public class LenderValues {

    private final LenderMeasureValueRepository values;
    private final JdbcTemplate jdbc;

    public LenderValues(LenderMeasureValueRepository values, JdbcTemplate jdbc) {
        this.values = values;
        this.jdbc = jdbc;
    }

    /**
     * The lender's values as facts for the rules. Read for every chunk of intake, so with plain
     * JDBC: through the ORM the query cost a noticeable share of intake time.
     */
    public List<MeasureValue> factsFor(UUID lenderId) {
        return jdbc.query("select measure, gbp_per_unit, source, licence from lender_measure_value where lender_id = ? "
                        + "order by measure",
                (rs, i) -> new MeasureValue(Measure.valueOf(rs.getString(1)), rs.getBigDecimal(2).doubleValue(),
                        rs.getString(3), rs.getString(4), true),
                lenderId);
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
