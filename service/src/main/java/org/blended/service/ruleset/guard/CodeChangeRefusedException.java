package org.blended.service.ruleset.guard;

import org.blended.service.ruleset.source.RuleSetProblem;
import org.blended.service.ruleset.upload.RuleSetUploadException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An upload by a policy owner that changes code (see {@link CodeChanges}), answered 403 with what changed where. */
public class CodeChangeRefusedException extends ErrorResponseException {

    public CodeChangeRefusedException(List<RuleSetProblem> changes) {
        super(HttpStatus.FORBIDDEN);
        setTitle("Code changes need a rule author");
        setDetail("This upload changes code, which only a rule author may change: " + RuleSetUploadException.listed(changes)
                + ". A policy owner may change the values in the rule rows of a decision table (and add or remove "
                + "rule rows) and Test Scenario files; ask a rule author for the rest.");
        getBody().setProperty("problems", changes);
    }
}
