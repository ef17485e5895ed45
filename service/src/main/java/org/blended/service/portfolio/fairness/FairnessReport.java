package org.blended.service.portfolio.fairness;

import java.time.YearMonth;
import java.util.List;

/**
 * Approval rates by kind of applicant, with their counts: by legal form, size band, region, area
 * deprivation decile and rule-set version, over the period and per month. A group is flagged when
 * its rate is under {@code disparityRatio} of the overall rate with at least
 * {@code minimumApplications} applications. No protected characteristic is collected or inferred.
 */
public record FairnessReport(String lender, YearMonth from, YearMonth to, String ruleSetVersion, double disparityRatio,
                             int minimumApplications, Rates overall, List<Breakdown> breakdowns) {

    public long flaggedGroups() {
        return breakdowns.stream().flatMap(b -> b.groups().stream()).filter(Group::flagged).count();
    }

    /** Approval rates of some applications: automated (the rules') and final (a person's where one decided). */
    public record Rates(long applications, long automatedApproved, long finalApproved, Double automatedRate,
                        Double finalRate) {

        static Rates of(long applications, long automatedApproved, long finalApproved) {
            return new Rates(applications, automatedApproved, finalApproved,
                    applications == 0 ? null : (double) automatedApproved / applications,
                    applications == 0 ? null : (double) finalApproved / applications);
        }
    }

    /** One way of grouping applicants, e.g. by legal form. */
    public record Breakdown(String dimension, String words, List<Group> groups) {
    }

    /**
     * @param automatedFlagged the automated rate is under the threshold with enough applications
     * @param finalFlagged     the same for the final rate
     */
    public record Group(String group, String label, Rates rates, boolean automatedFlagged, boolean finalFlagged,
                        List<MonthRates> months) {

        public boolean flagged() {
            return automatedFlagged || finalFlagged;
        }
    }

    public record MonthRates(YearMonth month, Rates rates) {
    }
}
