package org.blended.service.ruleset.editor;

/**
 * Something to fix before a table is saved, at a cell of the editor (its table, row and column
 * positions as the page shows them), which the page's error summary links to.
 */
record CellProblem(int table, int row, int column, String message) {

    /** The id of the cell's input on the page. */
    public String cellId() {
        return "cell-" + table + "-" + row + "-" + column;
    }
}
