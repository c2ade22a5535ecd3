package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void columnsLineUpWhateverTheLengths() {
    List<String> lines = new TextTable("TABLE", ">ROWS", "STATUS")
        .row("HR.EMPLOYEES", "1,204,332", "identical")
        .row("A_VERY_LONG_SCHEMA_NAME.T", "7", "FAILED")
        .lines();
    assertEquals(List.of(
        "TABLE                           ROWS  STATUS",
        "HR.EMPLOYEES               1,204,332  identical",
        "A_VERY_LONG_SCHEMA_NAME.T          7  FAILED"), lines);
  }

  @Test
  void aRowMustHaveACellPerColumn() {
    assertThrows(IllegalArgumentException.class, () -> new TextTable("A", "B").row("x"));
  }
}
