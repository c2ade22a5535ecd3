package io.dbcompare.apply;

import io.dbcompare.sync.StatementFile;
import io.dbcompare.sync.StatementText;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an edited script (its SHA-256 differs from the session's record) still holds exactly the
 * statements the tool wrote, for {@code --allow-edited}: the DBA may add, change or remove comment
 * lines ({@code --}) and blank lines between them, nothing else. The script as written is rebuilt
 * from the statement values; each of its statements, COMMITs, settings and client commands must
 * appear in the edited file exactly, whole and in order, with only comments and blank lines around
 * them. A statement is matched as a block of consecutive lines, so a literal line that looks like a
 * comment inside a statement must be unchanged too. Nothing is parsed as SQL.
 */
final class EditedScript {
  private EditedScript() {}

  /** Null when the edited script runs exactly the statements, else what differs (with a line number). */
  static String problem(String edited, StatementFile.Contents contents, StatementText text) {
    List<List<String>> blocks = new ArrayList<>();
    for (StatementFile.Item item : contents.items()) {
      List<String> lines = StatementFile.Contents.lines(item, text);
      if (item instanceof StatementFile.Statement) {
        blocks.add(lines); // whole: a line inside a statement is part of it, whatever it looks like
      } else {
        for (String l : lines) {
          if (!ignorable(l)) {
            blocks.add(List.of(l)); // a setting, client command or COMMIT: kept, comments may move around it
          }
        }
      }
    }
    String[] actual = edited.split("\n", -1);
    int at = 0;
    for (List<String> block : blocks) {
      while (at < actual.length && ignorable(actual[at])) {
        at++;
      }
      for (int k = 0; k < block.size(); k++) {
        if (at + k >= actual.length) {
          return "the script ends where '" + shorten(block.get(k)) + "' was written";
        }
        if (!actual[at + k].equals(block.get(k))) {
          return "line " + (at + k + 1) + " is '" + shorten(actual[at + k]) + "' where the tool wrote '"
              + shorten(block.get(k)) + "'";
        }
      }
      at += block.size();
    }
    for (; at < actual.length; at++) {
      if (!ignorable(actual[at])) {
        return "line " + (at + 1) + " '" + shorten(actual[at]) + "' follows the last statement the tool wrote";
      }
    }
    return null;
  }

  private static boolean ignorable(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("--");
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
