package dev.orgservice.platform.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTest {

    @Test
    void aCellASpreadsheetWouldTakeForAFormulaIsGuarded() {
        assertThat(SpreadsheetCells.guard("=HYPERLINK(\"http://evil\",\"Sales\")")).isEqualTo("'=HYPERLINK(\"http://evil\",\"Sales\")");
        assertThat(SpreadsheetCells.guard("+49 30 1234")).isEqualTo("'+49 30 1234");
        assertThat(SpreadsheetCells.guard("-Sales")).isEqualTo("'-Sales");
        assertThat(SpreadsheetCells.guard("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCells.guard("\tTabbed")).isEqualTo("'\tTabbed");
        assertThat(SpreadsheetCells.guard("Sales = Revenue")).as("only the first character counts").isEqualTo("Sales = Revenue");
        assertThat(SpreadsheetCells.guard("'quoted'")).isEqualTo("'quoted'");
        assertThat(SpreadsheetCells.guard("")).isEmpty();
        assertThat(SpreadsheetCells.guard(null)).isNull();
    }

    @Test
    void whatIsGuardedAndUnguardedIsTheTextItWasWhateverItWas() {
        for (String text : List.of("=1+1", "'=1+1", "''=1+1", "'", "''", "'quoted'", "-", "Sales", "'Sales", "@", "",
                "\r\n", "=", "Umsatz München")) {
            assertThat(SpreadsheetCells.unguard(SpreadsheetCells.guard(text))).as(text).isEqualTo(text);
        }
        assertThat(SpreadsheetCells.unguard("'Sales")).as("a quote before no formula character is the text's own")
                .isEqualTo("'Sales");
    }
}
