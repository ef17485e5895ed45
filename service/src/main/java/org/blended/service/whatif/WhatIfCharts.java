package org.blended.service.whatif;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.rules.assessment.Outcome;

/**
 * The figures a what-if's charts draw, as a JSON data block (the pages run no inline script, and a
 * data block is not run), and what each chart shows in words for those who cannot see it.
 */
public final class WhatIfCharts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WhatIfCharts() {
    }

    /** Outcome counts under both versions, and approval rates (%) by kind of applicant under both. */
    public static String data(WhatIfView run, WhatIfWords words) {
        WhatIfSummary summary = run.summary();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("active", "Active: version " + run.activeVersion());
        data.put("draft", "Draft: version " + run.draftVersion());
        if (summary != null) {
            List<Outcome> outcomes = List.of(Outcome.values());
            data.put("outcomes", outcomes.stream().map(words::outcome).toList());
            data.put("outcomesActive", outcomes.stream().map(o -> summary.active().outcomes().getOrDefault(o, 0)).toList());
            data.put("outcomesDraft", outcomes.stream().map(o -> summary.draft().outcomes().getOrDefault(o, 0)).toList());
            List<WhatIfGroups.Group> groups = summary.groups();
            data.put("groups", groups.stream().map(words::group).toList());
            data.put("ratesActive", groups.stream().map(g -> percent(g.approvalRateActive())).toList());
            data.put("ratesDraft", groups.stream().map(g -> percent(g.approvalRateDraft())).toList());
        }
        try {
            // "<" only occurs inside JSON strings, where \u003c means the same: no "</script>" can end the block
            return JSON.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String outcomesSummary(WhatIfView run, WhatIfWords words) {
        WhatIfSummary s = run.summary();
        StringBuilder text = new StringBuilder("Bar chart of outcomes under the active version " + run.activeVersion()
                + " and the draft version " + run.draftVersion() + " over " + words.applications(s.applications()) + ":");
        for (Outcome o : Outcome.values()) {
            text.append(' ').append(words.outcome(o)).append(' ').append(s.active().outcomes().getOrDefault(o, 0))
                    .append(" before, ").append(s.draft().outcomes().getOrDefault(o, 0)).append(" after;");
        }
        return text.substring(0, text.length() - 1) + ". The table below gives every figure.";
    }

    public static String approvalRateSummary(WhatIfView run, WhatIfWords words) {
        WhatIfSummary s = run.summary();
        return "Bar chart of the approval rate by legal form and by amount requested, under the active version and the "
                + "draft: overall " + words.percent(s.active().approvalRate()) + " before and "
                + words.percent(s.draft().approvalRate()) + " after. The table below gives every kind of applicant.";
    }

    private static double percent(double rate) {
        return Math.round(rate * 1000) / 10.0;
    }
}
