package org.blended.service.ruleset.build;

import org.blended.service.ruleset.guard.ScenarioContentCheck;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.drools.scenariosimulation.api.model.ScenarioSimulationModel;
import org.drools.scenariosimulation.api.model.ScenarioWithIndex;
import org.drools.scenariosimulation.backend.runner.AbstractScenarioRunner;
import org.drools.scenariosimulation.backend.runner.IndexedScenarioAssertionError;
import org.drools.scenariosimulation.backend.runner.IndexedScenarioException;
import org.drools.scenariosimulation.backend.runner.model.ScenarioRunnerDTO;
import org.drools.scenariosimulation.backend.util.ScenarioSimulationXMLPersistence;
import org.junit.runner.Description;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;
import org.junit.runner.notification.RunNotifier;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieContainer;
import org.springframework.stereotype.Component;

/**
 * Runs a rule set's Test Scenarios ({@code .scesim}) against that rule set's own compiled rules,
 * so that a draft is judged by its rules and not by the rule base on the classpath.
 * <p>
 * The Drools runner is a JUnit 4 {@code Runner}; it reports each scenario to a {@link RunNotifier}
 * and never throws for a failing one, so a listener collects the outcome of each.
 */
@Component
public class RuleSetScenarios {

    /** What running a rule set's scenarios found: one result per scenario, and which rules none made fire. */
    public record ScenarioRun(List<ScenarioResult> results, ScenarioCoverage coverage) {
    }

    /** One result per scenario, in the order of the files given and then of the scenarios in each. */
    public List<ScenarioResult> run(KieContainer container, List<RuleSetFile> scenarioFiles) {
        return run(container, scenarioFiles, new HashSet<>());
    }

    /**
     * Runs the Test Scenarios among a rule set's files, and measures which of its rules (those of the
     * rule base compiled from the same files) and table rows they made fire.
     */
    public ScenarioRun runAndCover(KieContainer container, KieBase rules, List<RuleSetFile> files) {
        Set<String> executed = new HashSet<>();
        List<ScenarioResult> results = run(container,
                files.stream().filter(f -> f.kind() == RuleSetFile.Kind.TEST_SCENARIO).toList(), executed);
        return new ScenarioRun(results, ScenarioCoverage.of(rules, files, executed));
    }

    private List<ScenarioResult> run(KieContainer container, List<RuleSetFile> scenarioFiles, Set<String> executed) {
        List<ScenarioResult> results = new ArrayList<>();
        for (RuleSetFile file : scenarioFiles) {
            results.addAll(run(container, file, executed));
        }
        return results;
    }

    private List<ScenarioResult> run(KieContainer container, RuleSetFile file, Set<String> executed) {
        ScenarioSimulationModel model;
        try {
            model = ScenarioSimulationXMLPersistence.getInstance().unmarshal(file.text());
        } catch (Exception | LinkageError e) { // XStream reports some malformed files as errors
            return List.of(ScenarioResult.unreadable(file.name(), message(e)));
        }
        if (model.getSettings() == null || model.getSettings().getType() != ScenarioSimulationModel.Type.RULE) {
            // a DMN scenario would need a DMN model, which a rule set does not have
            return List.of(ScenarioResult.unreadable(file.name(), "only rule (DRL) scenarios can be run, this one is "
                    + (model.getSettings() == null ? "of no type" : "a " + model.getSettings().getType() + " scenario")));
        }
        // the content check refuses expressions before anything is compiled; the runner is never given one either
        List<RuleSetProblem> expressions;
        try {
            expressions = ScenarioContentCheck.expressions(file.name(), model);
        } catch (RuntimeException e) {
            return List.of(ScenarioResult.unreadable(file.name(), message(e)));
        }
        if (!expressions.isEmpty()) {
            RuleSetProblem first = expressions.get(0);
            return List.of(ScenarioResult.unreadable(file.name(), first.where() + ": " + first.message()));
        }
        // the runner opens the session named in the file's settings (dmoSession) from the container
        // it is given, and loads fact classes through that container's class loader
        ScenarioRunnerDTO dto = new ScenarioRunnerDTO(model, file.name());
        Outcomes outcomes = new Outcomes(file.name(), dto.getScenarioWithIndices());
        RunNotifier notifier = new RunNotifier();
        notifier.addListener(outcomes);
        ExpectationRunner runner = new ExpectationRunner(container, dto);
        try {
            runner.run(notifier);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // the runner catches each scenario's exceptions but not errors, such as a rule recursing without end
            outcomes.abort(message(e));
        }
        executed.addAll(runner.executedRules());
        return outcomes.results(runner);
    }

    /** Collects what the runner reports of each scenario of one file. */
    private static final class Outcomes extends RunListener {

        private final String file;
        private final Map<Description, ScenarioWithIndex> scenarios = new LinkedHashMap<>();
        private final Map<Description, String> failures = new LinkedHashMap<>();
        private final Set<Description> finished = new HashSet<>();
        private Description running;
        private String abortedBy;

        Outcomes(String file, List<ScenarioWithIndex> scenarios) {
            this.file = file;
            // the same description the runner makes for each scenario ("#index: description")
            for (ScenarioWithIndex scenario : scenarios) {
                this.scenarios.put(AbstractScenarioRunner.getDescriptionForScenario(Optional.of(file), scenario.getIndex(),
                        scenario.getScesimData().getDescription()), scenario);
            }
        }

        @Override
        public void testStarted(Description description) {
            if (scenarios.containsKey(description)) { // the runner also "starts" the whole file
                running = description;
            }
        }

        @Override
        public void testFailure(Failure failure) {
            Throwable e = failure.getException();
            // the runner wraps the cause in a message that repeats the number, description and file
            boolean wrapped = e instanceof IndexedScenarioAssertionError || e instanceof IndexedScenarioException;
            failures.putIfAbsent(failure.getDescription(), message(wrapped && e.getCause() != null ? e.getCause() : e));
        }

        @Override
        public void testFinished(Description description) {
            finished.add(description);
            running = null;
        }

        void abort(String message) {
            abortedBy = message;
            if (running != null) {
                failures.putIfAbsent(running, message);
            }
        }

        List<ScenarioResult> results(ExpectationRunner runner) {
            List<ScenarioResult> results = new ArrayList<>();
            scenarios.forEach((description, scenario) -> {
                String failure = failures.get(description);
                if (failure == null && !finished.contains(description)) {
                    failure = "Not run" + (abortedBy == null ? "" : ": an earlier scenario stopped the file (" + abortedBy + ")");
                }
                results.add(new ScenarioResult(file, scenario.getIndex(), scenario.getScesimData().getDescription(),
                        failure == null, failure, failure == null ? List.of() : runner.failedExpectations(scenario.getIndex())));
            });
            return results;
        }
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
