package dev.orgservice.platform.web;

/**
 * Cells of a CSV file that will be opened in a spreadsheet. A cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is taken for a formula by Excel and others, so a unit named
 * {@code =HYPERLINK(...)} would run in the spreadsheet of whoever opens an export (CSV injection, OWASP). An export
 * guards such a cell with a leading {@code '} (which spreadsheets read as "text", and do not show), and an import
 * removes it again, so that a file exported and imported gives back the same text, whatever it was: a text that
 * already starts with quotes before such a character gets one more quote, which the import removes.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The cell to write for {@code text}: with a leading {@code '} where a spreadsheet would see a formula. */
    public static String guard(String text) {
        return text != null && startsFormulaAfterQuotes(text) ? "'" + text : text;
    }

    /** The text a cell stands for: without the {@code '} that {@link #guard} put before a formula character. */
    public static String unguard(String cell) {
        return cell != null && cell.startsWith("'") && startsFormulaAfterQuotes(cell) ? cell.substring(1) : cell;
    }

    private static boolean startsFormulaAfterQuotes(String text) {
        int first = 0;
        while (first < text.length() && text.charAt(first) == '\'') {
            first++;
        }
        return first < text.length() && "=+-@\t\r".indexOf(text.charAt(first)) >= 0;
    }
}
