package org.blended.service.ruleset.editor;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.blended.service.ruleset.editor.TableDocument.EditedRow;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.TableLayout;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.ruleset.upload.RuleSetUploads;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The table editor's pages: a version's decision table as its business columns, cells edited in
 * place, checked, and saved as a new draft; and the table as a workbook for those who prefer a spreadsheet.
 */
@Controller
@RequestMapping("/policy/rule-sets/{version}/tables")
class TableEditorController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final TableEditor editor;

    TableEditorController(TableEditor editor) {
        this.editor = editor;
    }

    @GetMapping("/{name}")
    String table(@PathVariable int version, @PathVariable String name, Model model) {
        TableDocument document = editor.open(version, name);
        return page(model, version, document, TableForm.rows(document, Map.of()), List.of(), null, null);
    }

    @PostMapping("/{name}")
    String edit(@PathVariable int version, @PathVariable String name, @RequestParam Map<String, String> form,
                Principal who, Model model, RedirectAttributes flash) {
        TableDocument document = editor.open(version, name);
        Map<Integer, List<EditedRow>> rows = TableForm.rows(document, form);
        String action = form.getOrDefault("action", "save");
        if (TableForm.applyRowAction(action, document, rows)) {
            return page(model, version, document, rows, List.of(), null, null);
        }
        List<CellProblem> problems = TableEditor.check(document, rows);
        if (!problems.isEmpty()) {
            return page(model, version, document, rows, problems, null, null);
        }
        if (action.equals("check")) {
            return page(model, version, document, rows, List.of(), "No problems found. Save the table to make a new draft.", null);
        }
        try {
            RuleSetRecord draft = editor.save(version, document, rows, form.get("note"), who.getName());
            if (draft == null) {
                return page(model, version, document, rows, List.of(), null,
                        "Nothing changed: edit a cell, or add or remove a row, before saving.");
            }
            flash.addFlashAttribute("message", "Saved " + document.file().name() + " as draft version " + draft.version()
                    + ", based on version " + version + ". Validate it next.");
            return "redirect:/policy/rule-sets/" + draft.version();
        } catch (ErrorResponseException refused) {
            return page(model, version, document, rows, List.of(), null, refused.getBody().getDetail());
        }
    }

    /** The table as a workbook: an .xlsx table as stored, a CSV one converted (code rows kept, in grey). */
    @GetMapping("/{name}.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable int version, @PathVariable String name) {
        RuleSetFile file = editor.open(version, name).file();
        byte[] content;
        try {
            content = file.kind() == RuleSetFile.Kind.DECISION_TABLE_XLSX ? file.content() : TableWorkbook.of(file);
        } catch (TableLayout.Unreadable e) {
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_ENTITY);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(XLSX);
        headers.setContentDisposition(ContentDisposition.attachment().filename(RuleSetUploads.stem(file.name()) + ".drl.xlsx").build());
        return ResponseEntity.ok().headers(headers).body(content);
    }

    private static String page(Model model, int version, TableDocument document, Map<Integer, List<EditedRow>> rows,
                               List<CellProblem> problems, String message, String refusal) {
        List<List<EditedRow>> sections = new ArrayList<>();
        document.sections().forEach(s -> sections.add(rows.getOrDefault(s.index(), s.storedRows())));
        model.addAttribute("page", new TablePage(version, document, sections, problems, message, refusal));
        return "policy/table";
    }
}
