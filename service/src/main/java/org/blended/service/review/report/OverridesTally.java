package org.blended.service.review.report;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.blended.service.review.settlement.Direction;

/** Counts final decisions into the report: by month in the zone (every month of the range, none left out) and by group. */
final class OverridesTally {

    private final ZoneId zone;
    private final Map<YearMonth, Tally> months = new TreeMap<>();
    private final Tally total = new Tally();
    private final Map<String, Tally> criteria = new HashMap<>();
    private final Map<String, Tally> reasons = new HashMap<>();
    private final Map<String, Tally> directions = new HashMap<>();
    private final Map<String, Tally> versions = new HashMap<>();
    private final Map<String, Tally> officers = new HashMap<>();

    OverridesTally(YearMonth from, YearMonth to, ZoneId zone) {
        this.zone = zone;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.put(m, new Tally());
        }
    }

    static OverridesReport report(OverridesReport.Scope scope, List<Settled> settled, ZoneId zone,
                                  Map<String, String> reasonLabels) {
        OverridesTally tally = new OverridesTally(scope.from(), scope.to(), zone);
        settled.forEach(tally::add);
        return tally.report(scope, reasonLabels);
    }

    void add(Settled s) {
        Tally month = months.get(YearMonth.from(s.decidedAt().atZone(zone)));
        if (month == null) { // decided outside the months asked for: the query should not have found it
            return;
        }
        month.add(s);
        total.add(s);
        // a decision naming several criteria counts once under each
        s.criteria().stream().distinct().forEach(c -> tally(criteria, c).add(s));
        if (s.overrideReason() != null) {
            tally(reasons, s.overrideReason()).add(s);
        }
        if (s.direction() != null) {
            tally(directions, s.direction()).add(s);
        }
        tally(versions, s.ruleSetVersion()).add(s);
        tally(officers, s.decidedBy()).add(s);
    }

    OverridesReport report(OverridesReport.Scope scope, Map<String, String> reasonLabels) {
        List<OverridesReport.Month> byMonth = new ArrayList<>();
        months.forEach((month, tally) -> byMonth.add(new OverridesReport.Month(month, tally.figures())));
        return new OverridesReport(scope, total.figures(), byMonth,
                groups(criteria, Function.identity()),
                groups(reasons, code -> reasonLabels.getOrDefault(code, code)),
                groups(directions, OverridesTally::directionWords),
                groups(versions, Function.identity()),
                groups(officers, Function.identity()));
    }

    private static Tally tally(Map<String, Tally> groups, String key) {
        return groups.computeIfAbsent(key, k -> new Tally());
    }

    /** Most overrides first: what policy owners look at first. */
    private static List<OverridesReport.Group> groups(Map<String, Tally> groups, Function<String, String> label) {
        Map<String, Tally> sorted = new LinkedHashMap<>();
        groups.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Tally>>comparingInt(e -> -e.getValue().overrides())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        List<OverridesReport.Group> list = new ArrayList<>();
        sorted.forEach((key, tally) -> list.add(new OverridesReport.Group(key, label.apply(key), tally.figures())));
        return list;
    }

    private static String directionWords(String direction) {
        String words = Direction.valueOf(direction).words();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
