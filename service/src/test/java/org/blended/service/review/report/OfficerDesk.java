package org.blended.service.review.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.blended.rules.assessment.Outcome;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.review.TestOfficers;
import org.blended.service.review.cases.ReviewCase;
import org.blended.service.review.cases.ReviewCases;
import org.blended.service.review.people.Officer;
import org.blended.service.review.settlement.FinalDecisions;
import org.blended.service.review.settlement.Settlement;
import org.blended.service.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Officers at work, through the real services: submitted examples referred or decided, cases
 * settled with or without an override. A case's opening is moved back before it is settled, so
 * the time to a human decision is known (the decision itself is stamped by the service's clock).
 */
@Component
public class OfficerDesk {

    public static final String PASSWORD = TestOfficers.PASSWORD;

    @Autowired
    TestOfficers officers;
    @Autowired
    ReviewCases cases;
    @Autowired
    FinalDecisions finals;
    @Autowired
    JdbcTemplate jdbc;

    /** A person who signs in to the pages with this role, tied to the lender. */
    public Officer officer(UUID lenderId, String name, Role role) {
        return officers.officer(lenderId, name, role);
    }

    /** A person who signs in to the pages with this role (a policy owner belongs to no lender); their user name. */
    public String person(String name, Role role) {
        return officers.person(name, role);
    }

    public UUID submit(Http api, String example) {
        var response = api.postJson("/api/v1/applications", Examples.json(example));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(Http.json(response).get("applicationId").asText());
    }

    /** The criteria the automated decision gave reasons under, in order. */
    public List<String> criteria(UUID applicationId) {
        return jdbc.queryForList("select distinct r.criterion from decision_reason r join decision d on d.id = r.decision_id "
                + "where d.application_id = ? and r.criterion is not null order by r.criterion", String.class, applicationId);
    }

    /**
     * Settles the application's case (the one its referral opened, or one the officer opens), opened
     * this long before; a more favourable override above the four-eyes amount is approved by the senior.
     */
    public void settle(Officer officer, Officer senior, UUID applicationId, Duration openFor, Outcome outcome, String reason,
                List<String> criteria) {
        ReviewCase c = cases.ofApplication(applicationId).orElseGet(() -> cases.openByOfficer(officer, applicationId));
        jdbc.update("update review_case set opened_at = ? where id = ?", Timestamp.from(Instant.now().minus(openFor)), c.id());
        FinalDecisions.Recorded recorded = finals.record(officer, c.id(), version(officer, c.id()),
                new Settlement(outcome, List.of(), "Settled by the overrides report test", reason, criteria));
        if (recorded == FinalDecisions.Recorded.AWAITING_APPROVAL) {
            finals.approve(senior, c.id(), version(senior, c.id()));
        }
    }

    private long version(Officer officer, UUID caseId) {
        return cases.get(officer.lenderId(), caseId).version();
    }
}
