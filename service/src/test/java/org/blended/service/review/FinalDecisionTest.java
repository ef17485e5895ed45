package org.blended.service.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.blended.rules.assessment.Outcome;
import org.blended.service.Broker;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.review.cases.CaseState;
import org.blended.service.review.cases.OpenedBecause;
import org.blended.service.review.cases.ReviewCase;
import org.blended.service.review.cases.ReviewCases;
import org.blended.service.review.people.Officer;
import org.blended.service.review.settlement.FinalDecisions;
import org.blended.service.review.settlement.Settlement;
import org.blended.service.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.server.ResponseStatusException;

/** Review cases and final decisions through the real services, database and broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class FinalDecisionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    TestOfficers officers;

    @Autowired
    ReviewCases cases;

    @Autowired
    FinalDecisions finalDecisions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyReferOpensACaseAndOnlyAReferDoes() {
        TestLenders.TestLender lender = lenders.newLender();
        UUID referred = submit(lender, "homelessness-charity-cio.json");
        UUID approved = submit(lender, "community-energy-cbs.json");

        ReviewCase opened = cases.ofApplication(referred).orElseThrow();
        assertThat(opened.state()).isEqualTo(CaseState.OPEN);
        assertThat(opened.openedBecause()).isEqualTo(OpenedBecause.REFERRED);
        assertThat(opened.dueAt()).isAfter(opened.openedAt().plus(Duration.ofDays(4)));
        assertThat(cases.ofApplication(approved)).isEmpty();
    }

    @Test
    void anOverrideNeedsAReasonAndARationaleAndIsStoredBesideTheAutomatedDecisionShownByTheApi() throws Exception {
        TestLenders.TestLender lender = lenders.newLender();
        Officer officer = officers.officer(lender.id());
        UUID applicationId = submit(lender, "food-bank-no-accounts.json"); // REFER, 40,000
        ReviewCase c = cases.ofApplication(applicationId).orElseThrow();

        assertThatThrownBy(() -> finalDecisions.record(officer, c.id(), c.version(),
                new Settlement(Outcome.DECLINE, List.of(), "", null, List.of())))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("Rationale");
        assertThatThrownBy(() -> finalDecisions.record(officer, c.id(), c.version(),
                new Settlement(Outcome.DECLINE, List.of(), "No accounts after two requests", null, List.of())))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("Override reason");
        assertThatThrownBy(() -> finalDecisions.record(officer, c.id(), c.version(),
                new Settlement(Outcome.DECLINE, List.of(), "No accounts", "NOT_A_REASON", List.of())))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("is not one of");

        try (Connection connection = Broker.factory("guest", "guest").newConnection(); Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "blended.decisions", lender.code());
            // Less favourable: no second person needed, whatever the amount.
            assertThat(finalDecisions.record(officer, c.id(), c.version(), new Settlement(Outcome.DECLINE, List.of(),
                    "No accounts after two requests", "FINANCIAL_POSITION", List.of())))
                    .isEqualTo(FinalDecisions.Recorded.DECIDED);
            UUID finalId = finalDecisions.ofApplication(applicationId).orElseThrow().id();

            GetResponse[] published = new GetResponse[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> (published[0] = Broker.take(channel, queue, finalId.toString())) != null);
            assertThat(published[0].getProps().getType()).isEqualTo("blended.final-decision");
            JsonNode message = JSON.readTree(published[0].getBody());
            assertThat(message.get("outcome").asText()).isEqualTo("DECLINE");
            assertThat(message.get("automatedOutcome").asText()).isEqualTo("REFER");
            assertThat(message.get("direction").asText()).isEqualTo("LESS_FAVOURABLE");
        }

        JsonNode shown = Http.json(new Http(port, lender.apiKey()).get("/api/v1/applications/" + applicationId));
        assertThat(shown.at("/decision/outcome").asText()).isEqualTo("REFER");
        assertThat(shown.at("/finalDecision/outcome").asText()).isEqualTo("DECLINE");
        assertThat(shown.at("/finalDecision/overrideReason").asText()).isEqualTo("FINANCIAL_POSITION");
        assertThat(shown.at("/reviewCase/state").asText()).isEqualTo("DECIDED");
        assertThatThrownBy(() -> jdbc.update("update final_decision set outcome = 'APPROVE' where application_id = ?", applicationId))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
    }

    @Test
    void anOverrideInTheApplicantsFavourAboveTheAmountNeedsASecondSeniorOfficerNeverTheProposer() {
        TestLenders.TestLender lender = lenders.newLender();
        Officer proposer = officers.senior(lender.id());
        Officer officer = officers.officer(lender.id());
        Officer second = officers.senior(lender.id());
        UUID applicationId = submit(lender, "homelessness-charity-cio.json"); // REFER, 120,000
        ReviewCase c = cases.ofApplication(applicationId).orElseThrow();

        assertThat(finalDecisions.record(proposer, c.id(), c.version(), new Settlement(Outcome.APPROVE, List.of(),
                "Strong local track record", "LOCAL_KNOWLEDGE", List.of())))
                .isEqualTo(FinalDecisions.Recorded.AWAITING_APPROVAL);
        long waiting = cases.get(lender.id(), c.id()).version();

        assertThatThrownBy(() -> finalDecisions.approve(proposer, c.id(), waiting))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("You proposed this override");
        assertThatThrownBy(() -> finalDecisions.approve(officer, c.id(), waiting))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("Only a senior officer");
        assertThat(finalDecisions.ofApplication(applicationId)).isEmpty();

        finalDecisions.approve(second, c.id(), waiting);
        var decided = finalDecisions.ofApplication(applicationId).orElseThrow();
        assertThat(decided.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(decided.decidedBy()).isEqualTo(proposer.username());
        assertThat(decided.approvedBy()).isEqualTo(second.username());
        assertThat(cases.get(lender.id(), c.id()).state()).isEqualTo(CaseState.DECIDED);
    }

    @Test
    void theApplicantMayAskOncePerDecision() {
        TestLenders.TestLender lender = lenders.newLender();
        UUID declined = submit(lender, "sole-trader-cafe.json");

        assertThat(cases.request(declined, "My accounts were sent late")).isEqualTo(ReviewCases.RequestAnswer.RECEIVED);
        assertThat(cases.request(declined, "Again")).isEqualTo(ReviewCases.RequestAnswer.ASKED_BEFORE);
        ReviewCase c = cases.ofApplication(declined).orElseThrow();
        assertThat(c.openedBecause()).isEqualTo(OpenedBecause.REQUESTED);
        assertThat(c.requestText()).isEqualTo("My accounts were sent late");
        assertThat(c.requestDueAt()).isBeforeOrEqualTo(c.requestedAt().plus(Duration.ofDays(31)));
    }

    @Test
    void theChainVerifyCoversFinalDecisionsAndFindsATamperedOne() {
        Http admin = new Http(port, lenders.keyFor(Role.ADMIN));
        TestLenders.TestLender lender = lenders.newLender();
        Officer officer = officers.officer(lender.id());
        UUID applicationId = submit(lender, "arts-venue-cic.json"); // REFER
        ReviewCase c = cases.ofApplication(applicationId).orElseThrow();
        finalDecisions.record(officer, c.id(), c.version(), new Settlement(Outcome.DECLINE, List.of(),
                "The venue lease ends next year", "RISK_NOT_CAPTURED", List.of()));
        JsonNode before = Http.json(admin.get("/api/v1/audit/verify"));
        assertThat(before.get("intact").asBoolean()).isTrue();
        assertThat(before.get("finalDecisionsChecked").asLong()).isPositive();

        asSuperuserBypassingTriggers("update final_decision set rationale = 'Approved after all' where application_id = '"
                + applicationId + "'");
        try {
            JsonNode report = Http.json(admin.get("/api/v1/audit/verify"));
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.at("/firstBrokenFinalDecision/applicationId").asText()).isEqualTo(applicationId.toString());
            assertThat(report.at("/firstBrokenFinalDecision/problem").asText()).contains("no longer matches its hash");
        } finally {
            asSuperuserBypassingTriggers("update final_decision set rationale = 'The venue lease ends next year' "
                    + "where application_id = '" + applicationId + "'");
        }
        assertThat(Http.json(admin.get("/api/v1/audit/verify")).get("intact").asBoolean()).isTrue();
    }

    private UUID submit(TestLenders.TestLender lender, String example) {
        var response = new Http(port, lender.apiKey()).postJson("/api/v1/applications", Examples.json(example));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(Http.json(response).get("applicationId").asText());
    }

    private void asSuperuserBypassingTriggers(String sql) {
        jdbc.execute((ConnectionCallback<Object>) connection -> {
            try (var s = connection.createStatement()) {
                s.execute("set session_replication_role = replica");
                s.executeUpdate(sql);
                s.execute("set session_replication_role = origin");
            }
            return null;
        });
    }
}
