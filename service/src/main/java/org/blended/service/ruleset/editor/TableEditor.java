package org.blended.service.ruleset.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.blended.service.ruleset.lifecycle.RuleSets;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.TableLayout;
import org.blended.service.ruleset.store.RuleSetNotFoundException;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.ruleset.upload.RuleSetUpload;
import org.blended.service.ruleset.upload.RuleSetUploadException;
import org.blended.service.ruleset.upload.RuleSetUploads;
import org.blended.service.ruleset.editor.TableDocument.EditedRow;
import org.blended.service.ruleset.editor.TableDocument.Section;
import org.springframework.stereotype.Service;

/**
 * Opens a version's decision table for editing, checks edited rows and saves them: the table is
 * written back with only its values changed and becomes a new draft based on that version, through
 * the same lifecycle (and the same rule-content checks) as an upload.
 */
@Service
class TableEditor {

    private final RuleSets ruleSets;

    TableEditor(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** The table of a version, by its file name or its name without extensions ("debt-service-cover"). */
    TableDocument open(int version, String name) {
        RuleSetFile file = table(ruleSets.files(version), version, name);
        try {
            return TableDocument.read(file);
        } catch (TableLayout.Unreadable e) {
            throw new RuleSetUploadException(file.name() + " could not be read as a decision table: " + e.getMessage());
        }
    }

    static RuleSetFile table(List<RuleSetFile> files, int version, String name) {
        List<RuleSetFile> tables = files.stream().filter(f -> f.kind() == RuleSetFile.Kind.DECISION_TABLE_CSV
                || f.kind() == RuleSetFile.Kind.DECISION_TABLE_XLSX).toList();
        return tables.stream().filter(f -> f.name().equals(name)).findFirst()
                .or(() -> tables.stream().filter(f -> RuleSetUploads.stem(f.name()).equals(RuleSetUploads.stem(name))).findFirst())
                .orElseThrow(() -> new RuleSetNotFoundException(version + " table " + name));
    }

    /** Every check before saving, in the order of the page. */
    static List<CellProblem> check(TableDocument document, Map<Integer, List<EditedRow>> rows) {
        List<CellProblem> problems = new ArrayList<>();
        for (Section section : document.sections()) {
            List<EditedRow> edited = rows.getOrDefault(section.index(), section.storedRows());
            List<CellProblem> cells = CellChecks.check(section, edited);
            problems.addAll(cells);
            if (cells.isEmpty()) {
                problems.addAll(BandCheck.check(section, edited));
            }
        }
        return problems;
    }

    /** The checked table as a new draft based on the version; null when nothing changed. */
    RuleSetRecord save(int version, TableDocument document, Map<Integer, List<EditedRow>> rows, String note, String actor) {
        byte[] written = TableWriter.write(document, rows);
        if (Arrays.equals(written, document.file().content())) {
            return null;
        }
        String names = String.join(", ", document.sections().stream().map(Section::name).toList());
        String saved = "Edited " + names + " (" + document.file().name() + ") in the table editor"
                + (note == null || note.isBlank() ? "" : ": " + note.strip());
        return ruleSets.upload(version, List.of(new RuleSetUpload(document.file().name(), written)), saved, actor, false);
    }
}
