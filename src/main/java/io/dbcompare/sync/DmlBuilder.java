package io.dbcompare.sync;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueText;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.SqlScript;
import java.util.List;

/**
 * The statements for one differing row, in the target's dialect: the sync statement (DELETE, UPDATE
 * of the differing columns, INSERT) and the undo statement that puts the row back as the comparison
 * read it from the target.
 *
 * <p>Guarded (the default), an UPDATE or DELETE matches the key and every compared column's value as
 * the comparison read it (sync) or as the sync script left it (undo): NULL as {@code IS NULL}, LOBs as
 * the dialect compares them. When no row matches, the row changed since, and the statement stops the
 * script with a message naming the table and the key. An INSERT needs no guard: a row that appeared
 * since fails it on the key.
 */
final class DmlBuilder {
  private final Dialect d;
  private final TableSpec t;
  private final boolean guarded;
  private final String table;
  private final List<String> keyNames;

  DmlBuilder(Dialect d, TableSpec t, boolean guarded) {
    this.d = d;
    this.t = t;
    this.guarded = guarded;
    this.table = d.qualified(t.target());
    this.keyNames = t.keyColumns().stream().map(ColumnSpec::targetName).toList();
  }

  /** Whether a difference needs statements: a DIFFERENT row may differ only in canonical form. */
  static boolean needsStatement(TableSpec t, RowDiff diff) {
    if (diff.kind() != RowDiff.DiffKind.DIFFERENT) {
      return true;
    }
    for (int i = t.keyCount(); i < t.columns().size(); i++) {
      if (!SyncScriptWriter.sameValue(t.columns().get(i), diff.sourceValues()[i], diff.targetValues()[i])) {
        return true;
      }
    }
    return false;
  }

  /** The statement that makes the target row equal to the source row. */
  String sync(RowDiff diff) {
    SqlScript script = new SqlScript();
    return switch (diff.kind()) {
      case MISSING_IN_SOURCE -> delete(diff.key(), diff.targetValues(), script, false);
      case MISSING_IN_TARGET -> d.statement(insert(diff.sourceValues(), script), script);
      case DIFFERENT -> update(diff, diff.sourceValues(), diff.targetValues(), diff.targetValues(), script, false);
    };
  }

  /** The statement that undoes {@link #sync}: the row as the comparison read it from the target. */
  String undo(RowDiff diff) {
    SqlScript script = new SqlScript();
    return switch (diff.kind()) {
      case MISSING_IN_SOURCE -> d.statement(insert(diff.targetValues(), script), script);
      case MISSING_IN_TARGET -> delete(diff.key(), diff.sourceValues(), script, true);
      case DIFFERENT -> update(diff, diff.targetValues(), diff.sourceValues(), afterSync(diff), script, true);
    };
  }

  /** The row as the sync leaves it: source values where it updates, target values elsewhere. */
  private Object[] afterSync(RowDiff diff) {
    Object[] row = diff.targetValues().clone();
    for (int i = t.keyCount(); i < t.columns().size(); i++) {
      if (!SyncScriptWriter.sameValue(t.columns().get(i), diff.sourceValues()[i], diff.targetValues()[i])) {
        row[i] = diff.sourceValues()[i];
      }
    }
    return row;
  }

  private String insert(Object[] values, SqlScript script) {
    StringBuilder sql = new StringBuilder("INSERT INTO " + table + " (");
    for (int i = 0; i < t.columns().size(); i++) {
      SyncScriptWriter.append(sql, i == 0 ? "" : ", ", d.quote(t.columns().get(i).targetName()));
    }
    SyncScriptWriter.append(sql, "", ") VALUES (");
    for (int i = 0; i < t.columns().size(); i++) {
      ColumnSpec c = t.columns().get(i);
      SyncScriptWriter.append(sql, i == 0 ? "" : ", ", d.literal(c.kind(), values[i], c.targetType(), script));
    }
    return sql.append(")").toString();
  }

  private String delete(Object[] key, Object[] expected, SqlScript script, boolean undo) {
    StringBuilder sql = new StringBuilder("DELETE FROM " + table);
    return guard(sql, key, expected, script, "DELETE", undo);
  }

  /**
   * An UPDATE setting the columns where {@code set} and {@code other} differ to the values of
   * {@code set}; guarded by {@code expected}, the row as it should be before the statement runs.
   */
  private String update(RowDiff diff, Object[] set, Object[] other, Object[] expected, SqlScript script,
      boolean undo) {
    StringBuilder sql = new StringBuilder("UPDATE " + table + " SET ");
    boolean any = false;
    for (int i = t.keyCount(); i < t.columns().size(); i++) {
      ColumnSpec c = t.columns().get(i);
      if (!SyncScriptWriter.sameValue(c, set[i], other[i])) {
        SyncScriptWriter.append(sql, any ? ", " : "", d.quote(c.targetName()) + " = "
            + d.literal(c.kind(), set[i], c.targetType(), script));
        any = true;
      }
    }
    if (!any) {
      throw new IllegalStateException("no differing column for " + keyText(diff.key()));
    }
    return guard(sql, diff.key(), expected, script, "UPDATE", undo);
  }

  /** Appends the WHERE clause and turns the statement into a script statement, guarded or not. */
  private String guard(StringBuilder sql, Object[] key, Object[] expected, SqlScript script, String verb,
      boolean undo) {
    int whereStart = sql.length();
    for (int i = 0; i < t.keyCount(); i++) {
      ColumnSpec c = t.columns().get(i);
      SyncScriptWriter.append(sql, i == 0 ? " WHERE " : " AND ",
          d.quote(c.targetName()) + " = " + d.literal(c.kind(), key[i], c.targetType(), script));
    }
    if (!guarded) {
      return d.statement(sql.toString(), script);
    }
    for (int i = t.keyCount(); i < t.columns().size(); i++) {
      ColumnSpec c = t.columns().get(i);
      String literal = expected[i] == null ? null : d.literal(c.kind(), expected[i], c.targetType(), script);
      SyncScriptWriter.append(sql, " AND ",
          d.guardCondition(d.quote(c.targetName()), c.kind(), c.targetType(), literal, t.emptyStringIsNull()));
    }
    String where = sql.substring(whereStart);
    String message = undo
        ? "undo stopped: " + t.target().display() + " " + keyText(key) + " is not as the sync script left it ("
            + verb + " found no row with those values)"
        : "sync stopped: " + t.target().display() + " " + keyText(key) + " changed since the comparison ("
            + verb + " found no row with the values it read)";
    return d.guardedStatement(sql.toString(), table, where, message, script);
  }

  private String keyText(Object[] key) {
    return ValueText.display(keyNames, t.keyKinds(), key);
  }
}
