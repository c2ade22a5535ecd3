package io.dbcompare.sync;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueText;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.SqlScript;
import java.util.List;

/**
 * The text renderer of sync statements as it was before statements became values (moved here unchanged
 * but for its name): {@code StatementTextTest} checks that {@link StatementText} renders every statement
 * exactly as this did.
 *
 * <p>The statements for one differing row, in the target's dialect: the sync statement (DELETE, UPDATE
 * of the differing columns, INSERT) and the undo statement that puts the row back as the comparison
 * read it from the target.
 *
 * <p>Guarded (the default), an UPDATE or DELETE matches the key and every compared column's value as
 * the comparison read it (sync) or as the sync script left it (undo): NULL as {@code IS NULL}, LOBs as
 * the dialect compares them. When no row matches, the row changed since, and the statement stops the
 * script with a message naming the table and the key. An INSERT needs no guard: a row that appeared
 * since fails it on the key.
 */
final class LegacyDmlBuilder {
  private final Dialect d;
  private final TableSpec t;
  private final boolean guarded;
  private final String table;
  private final List<String> keyNames;
  private final boolean merge;

  LegacyDmlBuilder(Dialect d, TableSpec t, boolean guarded) {
    this(d, t, guarded, false);
  }

  /** With {@code merge}, differing rows and rows missing in the target become MERGE statements. */
  LegacyDmlBuilder(Dialect d, TableSpec t, boolean guarded, boolean merge) {
    this.d = d;
    this.t = t;
    this.guarded = guarded;
    this.merge = merge;
    this.table = d.qualified(t.target());
    this.keyNames = t.keyColumns().stream().map(ColumnSpec::targetName).toList();
  }

  /** Whether a difference needs statements: a DIFFERENT row may differ only in canonical form. */
  static boolean needsStatement(TableSpec t, RowDiff diff) {
    if (diff.kind() != RowDiff.DiffKind.DIFFERENT) {
      return true;
    }
    for (int i = t.keyCount(); i < t.columns().size(); i++) {
      if (!io.dbcompare.compare.Canonical.sameValue(t.columns().get(i).kind(), diff.sourceValues()[i], diff.targetValues()[i])) {
        return true;
      }
    }
    return false;
  }

  /** The statement that makes the target row equal to the source row. */
  String sync(RowDiff diff) {
    SqlScript script = new SqlScript();
    if (merge && diff.kind() != RowDiff.DiffKind.MISSING_IN_SOURCE) {
      return merge(diff, script);
    }
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
      if (!io.dbcompare.compare.Canonical.sameValue(t.columns().get(i).kind(), diff.sourceValues()[i], diff.targetValues()[i])) {
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
      if (!io.dbcompare.compare.Canonical.sameValue(c.kind(), set[i], other[i])) {
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

  /**
   * A MERGE of the source row (sync.style: merge): {@code MERGE INTO <table> t USING (SELECT <key
   * literals> AS <key columns> [FROM DUAL]) s ON (t.<key> = s.<key> ...) WHEN MATCHED ... THEN UPDATE
   * SET ... WHEN NOT MATCHED ... THEN INSERT (...) VALUES (...)}. The values are literals in SET and
   * VALUES (typed by their column there, like in the DML style); the source row carries only the key.
   * A differing row sets its differing columns, a row missing in the target all non-key columns (a
   * table of key columns only has no WHEN MATCHED branch).
   *
   * <p>Guarded, the branch the comparison expects carries the guard and the other one {@code 1 = 0}:
   * a differing row is updated only while it has the values the comparison read, a missing row is
   * inserted only while it is still missing. Otherwise the MERGE changes no row and the script stops
   * exactly as for a guarded UPDATE. Unguarded, both branches are unconditional: an upsert by key.
   */
  private String merge(RowDiff diff, SqlScript script) {
    boolean missing = diff.kind() == RowDiff.DiffKind.MISSING_IN_TARGET;
    Object[] src = diff.sourceValues();
    int n = t.columns().size();
    String[] lit = new String[n];
    for (int i = 0; i < n; i++) {
      ColumnSpec c = t.columns().get(i);
      lit[i] = d.literal(c.kind(), src[i], c.targetType(), script);
    }
    StringBuilder sql = new StringBuilder("MERGE INTO " + table + " t\n  USING (SELECT ");
    StringBuilder keyWhere = new StringBuilder();
    for (int i = 0; i < t.keyCount(); i++) {
      ColumnSpec c = t.columns().get(i);
      String q = d.quote(c.targetName());
      SyncScriptWriter.append(sql, i == 0 ? "" : ", ", d.mergeKeyValue(c.kind(), lit[i], c.targetType()) + " AS " + q);
      SyncScriptWriter.append(keyWhere, i == 0 ? " WHERE " : " AND ", q + " = " + lit[i]);
    }
    sql.append(d.oneRowFrom()).append(") s\n  ON (");
    for (int i = 0; i < t.keyCount(); i++) {
      String q = d.quote(t.columns().get(i).targetName());
      SyncScriptWriter.append(sql, i == 0 ? "" : " AND ", "t." + q + " = s." + q);
    }
    sql.append(")");
    // the guard over t's columns (MERGE) and the same over the bare columns (H2's check query)
    StringBuilder guard = new StringBuilder();
    StringBuilder where = new StringBuilder(keyWhere);
    if (guarded && !missing) {
      Object[] expected = diff.targetValues();
      for (int i = t.keyCount(); i < n; i++) {
        ColumnSpec c = t.columns().get(i);
        String literal = expected[i] == null ? null : d.literal(c.kind(), expected[i], c.targetType(), script);
        String q = d.quote(c.targetName());
        SyncScriptWriter.append(guard, guard.length() == 0 ? "" : " AND ",
            d.guardCondition("t." + q, c.kind(), c.targetType(), literal, t.emptyStringIsNull()));
        SyncScriptWriter.append(where, " AND ",
            d.guardCondition(q, c.kind(), c.targetType(), literal, t.emptyStringIsNull()));
      }
    }
    StringBuilder set = new StringBuilder("UPDATE SET ");
    boolean any = false;
    for (int i = t.keyCount(); i < n; i++) {
      ColumnSpec c = t.columns().get(i);
      if (missing || !io.dbcompare.compare.Canonical.sameValue(c.kind(), src[i], diff.targetValues()[i])) {
        SyncScriptWriter.append(set, any ? ", " : "", d.quote(c.targetName()) + " = " + lit[i]);
        any = true;
      }
    }
    if (!missing && !any) {
      throw new IllegalStateException("no differing column for " + keyText(diff.key()));
    }
    if (any) {
      String condition = !guarded ? null : missing ? "1 = 0" : guard.toString();
      sql.append("\n  ").append(d.mergeBranch("WHEN MATCHED", condition, set.toString()));
    }
    StringBuilder insert = new StringBuilder("INSERT (");
    for (int i = 0; i < n; i++) {
      SyncScriptWriter.append(insert, i == 0 ? "" : ", ", d.quote(t.columns().get(i).targetName()));
    }
    SyncScriptWriter.append(insert, "", ") VALUES (");
    for (int i = 0; i < n; i++) {
      SyncScriptWriter.append(insert, i == 0 ? "" : ", ", lit[i]);
    }
    insert.append(")");
    sql.append("\n  ").append(d.mergeBranch("WHEN NOT MATCHED", guarded && !missing ? "1 = 0" : null,
        insert.toString()));
    if (!guarded) {
      return d.statement(sql.toString(), script);
    }
    String message;
    String checkFrom;
    if (missing) {
      message = "sync stopped: " + t.target().display() + " " + keyText(diff.key()) + " changed since the comparison"
          + " (MERGE found a row with the key it was to insert)";
      // H2's check query: one row while the key is still missing
      checkFrom = "(SELECT 1 AS \"MISSING\"" + d.oneRowFrom() + ") g";
      where = new StringBuilder(" WHERE NOT EXISTS (SELECT 1 FROM " + table + keyWhere + ")");
    } else {
      message = "sync stopped: " + t.target().display() + " " + keyText(diff.key()) + " changed since the comparison"
          + " (MERGE found no row with the values it read)";
      checkFrom = table;
    }
    return d.guardedStatement(sql.toString(), checkFrom, where.toString(), message, script);
  }

  private String keyText(Object[] key) {
    return ValueText.display(keyNames, t.keyKinds(), key);
  }
}
