package org.blended.service.ruleset.lifecycle;

import org.blended.service.ruleset.source.RuleSetProblem;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A stored version that does not pass the compiler's checks, met where it would be run (what-if,
 * publish, replay, start-up): answered 409 with every problem, and nothing of it was run.
 */
public class RuleSetRefusedException extends ErrorResponseException {

    private final transient List<RuleSetProblem> problems;

    public RuleSetRefusedException(int version, List<RuleSetProblem> problems) {
        super(HttpStatus.CONFLICT);
        this.problems = List.copyOf(problems);
        setTitle("Rule set refused");
        setDetail("Version " + version + " does not pass the rule-content checks, so none of it was run: "
                + String.join("; ", problems.stream().limit(10).map(RuleSetProblem::toString).toList())
                + (problems.size() > 10 ? "; and " + (problems.size() - 10) + " more" : "") + ".");
        getBody().setProperty("problems", this.problems);
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
