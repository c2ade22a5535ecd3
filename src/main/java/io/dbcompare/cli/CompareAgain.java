package io.dbcompare.cli;

import io.dbcompare.error.ExitCodes;
import java.io.PrintWriter;
import java.util.List;

/**
 * After {@code --apply} or {@code --repair} changed the target: the changed tables compared again in a
 * new session, whose exit status says whether the target now matches (0), still differs (1; that
 * session has the differences' scripts) or could not be checked (2).
 */
final class CompareAgain {
  private CompareAgain() {}

  /**
   * @param tables the tables as {@code "SCHEMA"."TABLE"} of the source, as --table takes them
   * @param label what changed the target, as the result line starts: {@code Apply} or {@code Repair}
   */
  static int tables(CompareRun run, PrintWriter out, List<String> tables, String label) throws InterruptedException {
    out.println();
    out.println("Checking the target: comparing the changed tables again in a new session.");
    out.flush();
    int code = run.run(null, false, tables, null);
    String head = String.format("%-15s", label + " result:");
    out.println(code == ExitCodes.IDENTICAL ? head + "the target now matches the source."
        : code == ExitCodes.DIFFERENCES ? head + "differences remain; the new session above has their scripts."
            : head + "the check did not finish; compare again.");
    out.flush();
    return code;
  }

  /** A table name as --table takes it, every part quoted exactly. */
  static String quoted(String schema, String table) {
    return q(schema) + "." + q(table);
  }

  private static String q(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
