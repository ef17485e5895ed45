package org.blended.service.ruleset.web;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.store.AcceptedChange;
import org.blended.service.ruleset.store.DecisionsMade;
import org.blended.service.ruleset.store.RuleSetEvent;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.ruleset.store.RuleSetState;
import java.time.Instant;
import java.util.List;

/**
 * A version as the API shows it: its state, who did what, its files, its last validation in a sentence
 * and the expectations of its Test Scenarios accepted from its own values.
 */
record RuleSetView(int version, String label, RuleSetState state, boolean active, Integer basedOn, String note,
                          String createdBy, Instant createdAt, Boolean valid, Instant validatedAt, String validation,
                          String approvedBy, Instant approvedAt, Instant publishedAt, DecisionsMade decisions,
                          List<FileView> files, List<RuleSetEvent> history, List<AcceptedChange> acceptedChanges) {

    public record FileView(String name, String path, RuleSetFile.Kind kind, int bytes, String download) {
    }

    static RuleSetView of(RuleSetRecord r, boolean active, String validationSummary, DecisionsMade decisions,
                          List<RuleSetFile> files, List<RuleSetEvent> history, List<AcceptedChange> acceptedChanges) {
        List<FileView> fileViews = files == null ? null : files.stream()
                .map(f -> new FileView(f.name(), f.path(), f.kind(), f.content().length,
                        "/api/v1/rule-sets/" + r.version() + "/files/" + f.name()))
                .toList();
        return new RuleSetView(r.version(), r.label(), r.state(), active, r.basedOn(), r.note(), r.createdBy(),
                r.createdAt(), r.valid(), r.validatedAt(), validationSummary, r.approvedBy(), r.approvedAt(),
                r.publishedAt(), decisions, fileViews, history, acceptedChanges);
    }
}
