package org.blended.service.ruleset.editor;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.blended.service.ruleset.editor.TableDocument.EditedRow;
import org.blended.service.ruleset.upload.RuleSetUploads;

/** What the editor page shows: the table, its rows as stored or as submitted, and what to fix or what was refused. */
record TablePage(int version, TableDocument document, List<List<EditedRow>> rows, List<CellProblem> problems,
                 String message, String refusal) {

    /** The first problem of each cell, by the cell's id, to show beside it. */
    public Map<String, String> cellProblems() {
        return problems.stream().collect(Collectors.toMap(CellProblem::cellId, CellProblem::message, (a, b) -> a));
    }

    public String stem() {
        return RuleSetUploads.stem(document.file().name());
    }
}
