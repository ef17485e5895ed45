package org.blended.service.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.review.cases.ReviewCase;
import org.blended.service.review.cases.ReviewCases;
import org.blended.service.review.people.Officer;
import org.blended.service.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.ActiveProfiles;

/** An officer of one lender finds nothing of another's, in the API and on the pages: 404, as if it did not exist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class ReviewTenancyTest {

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    TestOfficers officers;

    @Autowired
    ReviewCases cases;

    @Autowired
    JdbcUserDetailsManager people;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void anOfficerOfLenderAGets404ForLenderBsApplicationsAndCases() {
        TestLenders.TestLender a = lenders.newLender();
        TestLenders.TestLender b = lenders.newLender();
        Officer officerOfA = officers.officer(a.id());
        UUID ownApplication = submit(a, "homelessness-charity-cio.json");
        UUID othersApplication = submit(b, "homelessness-charity-cio.json");
        ReviewCase own = cases.ofApplication(ownApplication).orElseThrow();
        ReviewCase others = cases.ofApplication(othersApplication).orElseThrow();
        String othersReference = Http.json(new Http(port, b.apiKey()).get("/api/v1/applications/" + othersApplication))
                .get("lenderReference").asText();

        assertThat(new Http(port, a.apiKey()).get("/api/v1/applications/" + othersApplication).statusCode()).isEqualTo(404);

        PageSession pages = PageSession.signIn(port, officerOfA.username(), TestOfficers.PASSWORD);
        var queue = pages.get("/officer");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("/officer/cases/" + own.id()).doesNotContain(others.id().toString());
        assertThat(pages.get("/officer/cases/" + own.id()).statusCode()).isEqualTo(200);
        assertThat(pages.get("/officer/cases/" + others.id()).statusCode()).isEqualTo(404);
        assertThat(pages.post("/officer/cases/" + others.id() + "/take", queue.body(), Map.of("version", "0")).statusCode())
                .isEqualTo(404);
        assertThat(pages.post("/officer/cases/" + others.id() + "/notes", queue.body(), Map.of("text", "peek")).statusCode())
                .isEqualTo(404);
        var opened = pages.post("/officer/cases", queue.body(), Map.of("lenderReference", othersReference));
        assertThat(opened.body()).contains("No application of yours has the reference");
        assertThat(cases.ofApplication(othersApplication).orElseThrow().state()).isEqualTo(others.state());
        assertThat(cases.notes(others.id())).isEmpty();
    }

    @Test
    void onlyOfficersTiedToALenderSeeTheQueue() {
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        people.createUser(User.withUsername(owner).password(passwords.encode(TestOfficers.PASSWORD)).roles(Role.POLICY_OWNER.name()).build());
        assertThat(PageSession.signIn(port, owner, TestOfficers.PASSWORD).get("/officer").statusCode()).isEqualTo(403);

        String untied = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        people.createUser(User.withUsername(untied).password(passwords.encode(TestOfficers.PASSWORD)).roles(Role.OFFICER.name()).build());
        var refused = PageSession.signIn(port, untied, TestOfficers.PASSWORD).get("/officer");
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private UUID submit(TestLenders.TestLender lender, String example) {
        var response = new Http(port, lender.apiKey()).postJson("/api/v1/applications", Examples.json(example));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(Http.json(response).get("applicationId").asText());
    }
}
