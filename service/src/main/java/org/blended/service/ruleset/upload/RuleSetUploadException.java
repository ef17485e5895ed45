package org.blended.service.ruleset.upload;

import org.blended.service.ruleset.source.RuleSetProblem;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An upload that cannot become a draft (wrong kind of file, unreadable bundle, a cell its column cannot take), answered 400. */
public class RuleSetUploadException extends ErrorResponseException {

    public RuleSetUploadException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        setTitle("Rule set upload refused");
        setDetail(detail);
    }

    /** Cells that their columns cannot take, each with its file, row and column. */
    public RuleSetUploadException(List<RuleSetProblem> cells) {
        this("Some cells do not hold what their column takes: " + listed(cells) + ".");
        getBody().setProperty("problems", cells);
    }

    /** Problems in a sentence, the first twenty of them. */
    public static String listed(List<RuleSetProblem> problems) {
        String listed = problems.stream().limit(20).map(RuleSetProblem::toString).collect(Collectors.joining("; "));
        return problems.size() > 20 ? listed + "; and " + (problems.size() - 20) + " more" : listed;
    }
}
