package org.blended.service.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.MeasureValue;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule base, built once at start and shared; each evaluation runs in its own stateless
 * session, so evaluations never see each other's facts and need no locking.
 */
@Component
public class RuleEngine {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);
    private static final String KIE_BASE = "blended";

    private final KieBase kieBase;
    private final String ruleSetVersion;

    public RuleEngine() {
        long started = System.nanoTime();
        this.kieBase = KieServices.get().getKieClasspathContainer(getClass().getClassLoader()).getKieBase(KIE_BASE);
        this.ruleSetVersion = readRuleSetVersion();
        log.info("Rule set {} loaded in {} ms", ruleSetVersion, (System.nanoTime() - started) / 1_000_000);
    }

    /** Assesses one application as of the given date; the date is an input so that replay is exact. */
    public Assessment evaluate(Application application, LocalDate assessedOn) {
        return evaluate(application, assessedOn, List.of());
    }

    /** The same, with the lender's own measure values beside the application. */
    public Assessment evaluate(Application application, LocalDate assessedOn, List<MeasureValue> lenderValues) {
        Assessment assessment = new Assessment(assessedOn);
        List<Object> facts = new ArrayList<>(lenderValues.size() + 2);
        facts.add(application);
        facts.add(assessment);
        facts.addAll(lenderValues);
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.execute(facts);
        if (assessment.getOutcome() == null) {
            throw new IllegalStateException("Rule set " + ruleSetVersion + " reached no outcome for application "
                    + application.getLenderReference());
        }
        return assessment;
    }

    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    private static String readRuleSetVersion() {
        try (InputStream in = RuleEngine.class.getClassLoader().getResourceAsStream("org/blended/rules/rule-set.properties")) {
            if (in == null) {
                throw new IllegalStateException("The rule base carries no org/blended/rules/rule-set.properties");
            }
            Properties properties = new Properties();
            properties.load(in);
            return "blended-rules-" + properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
