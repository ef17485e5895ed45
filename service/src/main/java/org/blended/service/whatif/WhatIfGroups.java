package org.blended.service.whatif;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.Outcome;

/**
 * Approval rates by legal form and by size of request, under both versions: the catalogue asks that
 * policy owners see how outcomes fall across kinds of applicant, so a change that shifts them shows.
 */
final class WhatIfGroups {

    /** One kind of applicant: how many, and the share approved (with or without conditions) by each version. */
    public record Group(String dimension, String group, int applications, double approvalRateActive, double approvalRateDraft) {
    }

    private final Map<String, int[]> counts = new TreeMap<>(); // "dimension|group" -> applications, approved before, after

    void add(String legalForm, BigDecimal amount, Assessment before, Assessment after) {
        count("legal form|" + legalForm, before, after);
        count("amount requested|" + sizeBand(amount), before, after);
    }

    List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\\|", 2);
            groups.add(new Group(parts[0], parts[1].substring(parts[1].indexOf(' ') + 1), c[0], rate(c[1], c[0]), rate(c[2], c[0])));
        });
        return groups;
    }

    private void count(String key, Assessment before, Assessment after) {
        int[] c = counts.computeIfAbsent(key, k -> new int[3]);
        c[0]++;
        c[1] += approved(before) ? 1 : 0;
        c[2] += approved(after) ? 1 : 0;
    }

    /** The catalogue's scale of social loans; the leading digit keeps the bands in order. */
    private static String sizeBand(BigDecimal amount) {
        double gbp = amount == null ? 0 : amount.doubleValue();
        if (gbp <= 50_000) {
            return "1 up to GBP 50k";
        }
        if (gbp <= 150_000) {
            return "2 GBP 50k to 150k";
        }
        if (gbp <= 1_000_000) {
            return "3 GBP 150k to 1m";
        }
        return "4 over GBP 1m";
    }

    private static boolean approved(Assessment assessment) {
        return assessment.getOutcome() == Outcome.APPROVE || assessment.getOutcome() == Outcome.APPROVE_WITH_CONDITIONS;
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
