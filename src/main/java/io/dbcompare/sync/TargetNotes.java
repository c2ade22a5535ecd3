package io.dbcompare.sync;

import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.TargetTraits;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.TargetCatalogSql;
import io.dbcompare.vendor.DatabaseTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Header lines of a sync script about what the target table has that the script must not break
 * silently: computed columns (never written), identity columns that refuse explicit values, and
 * triggers, with the statements a DBA runs before and after the script.
 */
public final class TargetNotes {
  private TargetNotes() {}

  public static List<String> lines(Dialect d, TableSpec t) {
    TargetTraits traits = t.targetTraits();
    List<String> out = new ArrayList<>();
    if (traits.isEmpty()) {
      return out;
    }
    String table = d.qualified(t.target());
    TargetCatalogSql sql = DatabaseTypes.of(d.platform()).catalogSql();
    out.add("Target table notes:");
    if (!traits.generatedColumns().isEmpty()) {
      out.add("  computed column(s) " + String.join(", ", traits.generatedColumns())
          + ": not compared and never written; the database computes them");
    }
    for (String column : traits.identityAlways()) {
      out.add("  identity column " + column + " is GENERATED ALWAYS: the INSERTs give it the source's values,");
      out.add("  which it refuses. Run before this script:");
      for (String s : sql.identityBefore(table, d.quote(column))) {
        out.add("    " + s);
      }
      out.add("  and after it:");
      for (String s : sql.identityAfter(table, d.quote(column))) {
        out.add("    " + s);
      }
    }
    if (!traits.triggers().isEmpty()) {
      out.add("  trigger(s) " + String.join(", ", traits.triggers()) + " fire on every statement of this script.");
      out.add("  To keep them from firing, run before this script:");
      for (String s : sql.triggersBefore(table)) {
        out.add("    " + s);
      }
      List<String> after = sql.triggersAfter(table);
      if (!after.isEmpty()) {
        out.add("  and after it:");
        for (String s : after) {
          out.add("    " + s);
        }
      }
    }
    return out;
  }
}
