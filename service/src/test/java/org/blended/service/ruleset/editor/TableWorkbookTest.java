package org.blended.service.ruleset.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.TableLayout;
import org.junit.jupiter.api.Test;

/** A CSV table downloaded as a workbook reads as the same table, code rows included, the business header bold and the code grey. */
class TableWorkbookTest {

    @Test
    void everyShippedTableAsAWorkbookReadsAsTheSameCellsAsItsCsv() throws Exception {
        List<RuleSetFile> tables = new java.util.ArrayList<>(Fixtures.shippedTables());
        tables.add(Fixtures.fixture("cover-bands.drl.csv"));
        tables.add(Fixtures.fixture("ltv-bands.drl.csv"));
        tables.add(Fixtures.fixture("two-tables.drl.csv"));
        tables.add(Fixtures.fixture("cover-old-shape.drl.csv"));
        for (RuleSetFile csv : tables) {
            TableLayout fromCsv = TableLayout.read(csv);
            TableLayout fromXlsx = TableLayout.read(new RuleSetFile(csv.path().replace(".drl.csv", ".xlsx"), TableWorkbook.of(csv)));
            assertThat(cells(fromXlsx)).as(csv.name()).isEqualTo(cells(fromCsv));
            assertThat(fromXlsx.structure()).as(csv.name()).extracting(p -> p.part() + p.row().content())
                    .isEqualTo(fromCsv.structure().stream().map(p -> p.part() + p.row().content()).toList());
        }
    }

    @Test
    void theBusinessHeaderIsBoldAndTheCodeRowsGrey() throws Exception {
        RuleSetFile csv = Fixtures.fixture("cover-bands.drl.csv");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(TableWorkbook.of(csv)))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            var label = sheet.getRow(8).getCell(1);
            assertThat(label.getStringCellValue()).isEqualTo("Cover from");
            assertThat(label.getCellStyle().getFont().getBold()).isTrue();
            var code = sheet.getRow(7).getCell(1);
            assertThat(code.getStringCellValue()).isEqualTo("debtServiceCover >= $param");
            assertThat(code.getCellStyle().getFont().getColor()).isEqualTo(IndexedColors.GREY_50_PERCENT.getIndex());
            var value = sheet.getRow(10).getCell(1);
            assertThat(value.getStringCellValue()).isEqualTo("1.0");
            assertThat(value.getCellStyle().getFont().getBold()).isFalse();
            // the object-type cells Drools' CSV reader merges ("...") are merged cells in the workbook
            assertThat(sheet.getMergedRegions()).extracting(r -> r.formatAsString()).containsExactly("B7:C7");
            assertThat(sheet.getRow(6).getCell(1).getStringCellValue()).isEqualTo("$assessment: Assessment() $m: Metrics");
        }
    }

    private static List<List<List<String>>> cells(TableLayout layout) {
        return layout.tables().stream().map(t -> t.ruleRows().stream().map(TableLayout.Row::content).toList()).toList();
    }
}
