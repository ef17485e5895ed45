package org.blended.service.ruleset.lifecycle;

import org.blended.service.ruleset.build.AcceptedExpectations;
import org.blended.service.ruleset.build.FailedExpectation;
import org.blended.service.ruleset.build.ScenarioResult;
import org.blended.service.ruleset.build.ValidationReport;
import org.blended.service.ruleset.guard.RuleContentGuard;
import org.blended.service.ruleset.source.RuleSetContent;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import org.blended.service.ruleset.store.AcceptedChange;
import org.blended.service.ruleset.store.RuleSetChangedException;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.ruleset.store.RuleSetState;
import org.blended.service.ruleset.store.RuleSetStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * "Accept the new expectation": a draft's failing Test Scenarios are made to expect what the draft's
 * rules give, written into the draft's own {@code .scesim} files. The values come from the draft's
 * last validation (a draft's rules never change, and a scenario's givens are never touched, so the
 * rules give the same values again); each cell must still expect what that validation saw.
 * <p>
 * The draft keeps its version: only its scenario files are replaced, with every change recorded,
 * the last validation marked superseded and any approval withdrawn (see {@link RuleSetStore#acceptExpectations}).
 */
@Service
public class ExpectationAcceptance {

    private static final Logger log = LoggerFactory.getLogger(ExpectationAcceptance.class);

    /** Which failing scenarios to accept: one (its file and number), those of a criterion, or all. */
    public record Selection(String file, Integer index, String criterion, boolean all) {

        public static Selection of(String file, Integer index, String criterion, Boolean all) {
            boolean one = file != null && !file.isBlank();
            boolean ofCriterion = criterion != null && !criterion.isBlank();
            boolean everything = Boolean.TRUE.equals(all);
            if ((one ? 1 : 0) + (ofCriterion ? 1 : 0) + (everything ? 1 : 0) != 1) {
                throw badRequest("Say which failing scenarios to accept: a file and a scenario number, a criterion "
                        + "(such as F1), or all.");
            }
            if (one && (index == null || index < 1)) {
                throw badRequest("Give the number of the scenario in " + file.strip() + " (1 or more).");
            }
            return new Selection(one ? file.strip() : null, one ? index : null, ofCriterion ? criterion.strip() : null, everything);
        }

        boolean includes(ScenarioResult scenario) {
            if (all) {
                return true;
            }
            if (criterion != null) {
                return criterion.equals(scenario.criterion());
            }
            return file.equals(scenario.file()) && index == scenario.index();
        }

        String inWords() {
            return all ? "no failing scenario" : criterion != null ? "no failing scenario of " + criterion
                    : "no failing scenario " + index + " in " + file;
        }
    }

    /** What was accepted: how many scenarios, and each changed cell. */
    public record Accepted(int version, int scenarios, List<AcceptedChange> changes) {
        public String summary() {
            return "Accepted the draft's values in " + scenarios + (scenarios == 1 ? " scenario" : " scenarios") + " ("
                    + changes.size() + (changes.size() == 1 ? " expected value" : " expected values")
                    + "). Validate the draft again.";
        }
    }

    private final RuleSets ruleSets;
    private final RuleSetStore store;
    private final RuleContentGuard guard;
    private final ObjectMapper json;
    private final Clock clock;

    public ExpectationAcceptance(RuleSets ruleSets, RuleSetStore store, RuleContentGuard guard, ObjectMapper json, Clock clock) {
        this.ruleSets = ruleSets;
        this.store = store;
        this.guard = guard;
        this.json = json;
        this.clock = clock;
    }

    public Accepted accept(int version, Selection selection, String actor) {
        RuleSetRecord record = ruleSets.get(version);
        if (record.state() != RuleSetState.DRAFT) {
            throw new RuleSetConflictException("Not a draft", "Only a draft's Test Scenarios can take new expectations; version "
                    + version + " is " + (record.state() == RuleSetState.PUBLISHED ? "published" : "retired") + ".");
        }
        ValidationReport report = ruleSets.lastValidation(record);
        if (report == null || report.scenarios().isEmpty()) {
            throw new RuleSetConflictException("Validate first", "Validate version " + version + " first: the values to "
                    + "accept are those its rules gave in its validation.");
        }
        List<ScenarioResult> chosen = report.scenarios().stream()
                .filter(s -> !s.passed() && !s.accepted() && selection.includes(s)).toList();
        if (chosen.isEmpty()) {
            throw new RuleSetConflictException("Nothing to accept", "Version " + version + " has " + selection.inWords()
                    + " left to accept in its last validation.");
        }
        List<ScenarioResult> acceptable = chosen.stream().filter(ScenarioResult::acceptable).toList();
        if (acceptable.isEmpty()) {
            ScenarioResult first = chosen.get(0);
            throw new RuleSetConflictException("Cannot be accepted", "The draft gives no value that can be written as the "
                    + "expected value of " + first.file() + " scenario " + first.index() + ": " + first.failure());
        }
        Map<String, List<AcceptedExpectations.Cell>> cellsByFile = new LinkedHashMap<>();
        List<AcceptedChange> changes = new ArrayList<>();
        List<String> events = new ArrayList<>();
        Set<String> accepted = new HashSet<>();
        for (ScenarioResult scenario : acceptable) {
            List<String> cellWords = new ArrayList<>();
            for (FailedExpectation cell : scenario.expectations()) {
                if (!cell.acceptable()) {
                    continue;
                }
                cellsByFile.computeIfAbsent(scenario.file(), f -> new ArrayList<>()).add(new AcceptedExpectations.Cell(
                        scenario.index(), scenario.description(), cell.fact(), cell.column(), cell.expected(), cell.actual()));
                changes.add(new AcceptedChange(version, scenario.file(), scenario.index(), scenario.description(),
                        scenario.criterion(), cell.checks(), cell.expected(), cell.actual(), actor, clock.instant()));
                cellWords.add(cell.checks() + ": " + cell.shownExpected() + " → " + cell.shownActual());
            }
            accepted.add(ValidationReport.key(scenario.file(), scenario.index()));
            events.add(scenario.file() + " scenario " + scenario.index() + " (" + scenario.description() + "): "
                    + String.join("; ", cellWords));
        }
        List<RuleSetFile> files = store.files(version);
        List<RuleSetFile> rewritten = new ArrayList<>();
        cellsByFile.forEach((name, cells) -> rewritten.add(rewrite(version, files, name, cells)));
        List<RuleSetProblem> refused = guard.check(rewritten);
        if (!refused.isEmpty()) {
            throw new RuleSetConflictException("Cannot be accepted", "The accepted values would make a Test Scenario file "
                    + "the content check refuses: " + refused.get(0));
        }
        List<RuleSetFile> after = files.stream().map(f -> rewritten.stream().filter(r -> r.path().equals(f.path()))
                .findFirst().orElse(f)).toList();
        store.acceptExpectations(version, record.contentHash(), rewritten, RuleSetContent.hash(after), changes,
                toJson(report.withAccepted(accepted)), events, actor);
        log.info("{} accepted {} expected values in {} scenarios of draft {}", actor, changes.size(), accepted.size(), version);
        return new Accepted(version, accepted.size(), changes);
    }

    private static RuleSetFile rewrite(int version, List<RuleSetFile> files, String name, List<AcceptedExpectations.Cell> cells) {
        RuleSetFile file = files.stream().filter(f -> f.name().equals(name) && f.kind() == RuleSetFile.Kind.TEST_SCENARIO)
                .findFirst().orElseThrow(() -> new RuleSetChangedException("Version " + version + " has no Test Scenario file "
                        + name + " any more; validate it again."));
        try {
            return AcceptedExpectations.write(file, cells);
        } catch (AcceptedExpectations.ChangedSinceException e) {
            throw new RuleSetChangedException(e.getMessage() + " since the last validation; validate version " + version
                    + " again and accept then.");
        } catch (IllegalArgumentException e) {
            throw new RuleSetConflictException("Cannot be accepted", "A value the draft gives cannot be an expected value: "
                    + e.getMessage());
        }
    }

    private String toJson(ValidationReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ErrorResponseException badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Which scenarios to accept");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
