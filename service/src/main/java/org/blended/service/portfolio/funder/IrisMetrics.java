package org.blended.service.portfolio.funder;

import java.util.Map;

/**
 * The IRIS+ metric (GIIN's catalogue, v5.1) a measure reports as, where one fits and can be cited;
 * funders that collect IRIS+ read the column as is. Kept in the service, not in the rule set: a rule
 * set's files are rules, tables and scenarios, and a data file there would be compiled as a table.
 * Measures without a matching metric (people supported, priority-group hires, local spend, the Living
 * Wage share, tCO2e avoided: IRIS+ OI4862 counts an organisation's own reductions, not emissions
 * its work avoids) are left empty rather than guessed.
 */
final class IrisMetrics {

    /** Where each id comes from, as the export's notes say it. */
    static final String SOURCE = "IRIS+ Catalog of Metrics v5.1 (GIIN): PI3687 Jobs Created at Directly "
            + "Supported/Financed Enterprises: Total, https://iris.thegiin.org/metric/5.1/PI3687/ ; PI5691 Jobs "
            + "Maintained at Directly Supported/Financed Enterprises: Total (named in PI3687's calculation)";

    private static final Map<String, String> BY_MEASURE = Map.of(
            "JOBS_CREATED", "PI3687",
            "JOBS_MAINTAINED", "PI5691");

    private IrisMetrics() {
    }

    /** The metric id, or null where the measure has none. */
    static String of(String measure) {
        return BY_MEASURE.get(measure);
    }
}
