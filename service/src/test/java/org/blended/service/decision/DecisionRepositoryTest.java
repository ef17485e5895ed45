package org.blended.service.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.blended.integration.submission.Channel;
import org.blended.rules.application.LegalForm;
import org.blended.rules.application.RequestType;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.ImpactBand;
import org.blended.rules.assessment.Outcome;
import org.blended.rules.assessment.Reason;
import org.blended.rules.assessment.Theme;
import org.blended.service.FreshTestDatabase;
import org.blended.service.lender.Lender;
import org.blended.service.lender.LenderRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The Flyway schema and the JPA mapping agree, on the real PostgreSQL. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles({"postgres", "test"})
@Import(FreshTestDatabase.class)
class DecisionRepositoryTest {

    @Autowired
    StoredApplicationRepository applications;

    @Autowired
    DecisionRepository decisions;

    @Autowired
    EntityManager entityManager;

    @Autowired
    LenderRepository lenderRepository;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDecisionIsStoredWithItsScoresAndReasonsInOrder() {
        Lender lender = lenderRepository.save(new Lender("repo-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                "Repository test lender", Instant.now()));
        StoredApplication application = applications.save(new StoredApplication(lender.getId(), "REPO-1", Channel.REST, "test",
                "Bakery CIC", LegalForm.CIC, RequestType.LOAN, new BigDecimal("60000.00"), "{\"a\":1}", null, Instant.now(), null, null));
        Assessment assessment = new Assessment(LocalDate.of(2026, 11, 25));
        assessment.setOutcome(Outcome.APPROVE_WITH_CONDITIONS);
        assessment.setFinancialBand(FinancialBand.AMBER);
        assessment.setImpactBand(ImpactBand.HIGH);
        assessment.report(List.of(
                Reason.points("I4-JOBS", "I4", Theme.IMPACT_HOW_MUCH, 2).says("Three jobs.", "You create three jobs."),
                Reason.points("F1-AMBER", "F1", Theme.FINANCIAL, 1).rated(FinancialBand.AMBER).says("Cover 1.1.", "Tight."),
                Reason.condition("E3-BORROW", "E3", Theme.ELIGIBILITY).says("Add a power to borrow.", "Change your articles.")));

        Decision saved = decisions.save(new Decision(application.getId(), lender.getId(), assessment, "blended-rules-test",
                Instant.now(), 42, 1_000_000L + new java.util.Random().nextInt(1_000_000), "0".repeat(64)));
        entityManager.flush();
        entityManager.clear();

        Decision loaded = decisions.findByApplicationId(application.getId()).orElseThrow();
        assertThat(loaded.getId()).isEqualTo(saved.getId());
        assertThat(loaded.getOutcome()).isEqualTo(Outcome.APPROVE_WITH_CONDITIONS);
        assertThat(loaded.getAssessedOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(loaded.getReasons()).extracting(DecisionReason::getCode)
                .containsExactly("E3-BORROW", "F1-AMBER", "I4-JOBS");
        assertThat(loaded.getReasons().get(1).getRating()).isEqualTo(FinancialBand.AMBER);
        assertThat(loaded.getScores()).containsEntry(Theme.FINANCIAL, 1).containsEntry(Theme.IMPACT_HOW_MUCH, 2)
                .doesNotContainKey(Theme.ELIGIBILITY);
        assertThat(jdbc.queryForObject("select count(*) from decision_reason where decision_id = ?", Integer.class,
                saved.getId())).isEqualTo(3);
        assertThat(jdbc.queryForObject("select pg_typeof(payload)::text from application where id = ?", String.class,
                application.getId())).isEqualTo("text");
    }
}
