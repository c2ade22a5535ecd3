package io.dbcompare.sync;

import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.SqlScript;
import java.util.List;

/**
 * A {@link RowStatement} as script text in a dialect, the way a DBA runs it: literals for the values,
 * the guard in the WHERE clause, and the dialect's way to stop the script when a guarded statement
 * changes no row (Oracle PL/SQL block, PostgreSQL DO block, H2 check query). The same value always
 * renders to the same text (the {@code --apply} check relies on it).
 */
public final class StatementText {
  private final Dialect d;

  public StatementText(Dialect d) {
    this.d = d;
  }

  public Dialect dialect() {
    return d;
  }

  /** The statement as it appears in a script, with its terminator (and block, if any). */
  public String render(RowStatement s) {
    SqlScript script = new SqlScript();
    String table = d.qualified(s.table());
    return switch (s.kind()) {
      case INSERT, INSERT_ROW -> d.statement(insert(s, table, script), script);
      case DELETE -> guard(new StringBuilder("DELETE FROM " + table), s, table, script);
      case UPDATE -> update(s, table, script);
      case MERGE_UPDATE, MERGE_INSERT -> merge(s, table, script);
      case DELETE_ROW -> deleteRow(s, table, script);
    };
  }

  /**
   * One copy of a row of a table without key: every compared column matches (NULL as IS NULL, LOBs
   * compared whole, as in a guard), and the dialect deletes at most one of the identical rows; the
   * script stops when it deletes none.
   */
  private String deleteRow(RowStatement s, String table, SqlScript script) {
    StringBuilder where = new StringBuilder();
    for (ColumnValue c : s.guard()) {
      String literal = c.value() == null ? null : literal(c, script);
      SyncScriptWriter.append(where, where.length() == 0 ? " WHERE " : " AND ",
          d.guardCondition(d.quote(c.column()), c.kind(), c.targetType(), literal, s.emptyStringIsNull()));
    }
    return d.guardedDeleteOne(d.deleteOneRow(table, where.toString()), table, where.toString(), s.stopMessage(),
        script);
  }

  private String insert(RowStatement s, String table, SqlScript script) {
    List<ColumnValue> row = row(s);
    StringBuilder sql = new StringBuilder("INSERT INTO " + table + " (");
    for (int i = 0; i < row.size(); i++) {
      SyncScriptWriter.append(sql, i == 0 ? "" : ", ", d.quote(row.get(i).column()));
    }
    SyncScriptWriter.append(sql, "", ") VALUES (");
    for (int i = 0; i < row.size(); i++) {
      SyncScriptWriter.append(sql, i == 0 ? "" : ", ", literal(row.get(i), script));
    }
    return sql.append(")").toString();
  }

  private String update(RowStatement s, String table, SqlScript script) {
    StringBuilder sql = new StringBuilder("UPDATE " + table + " SET ");
    boolean any = false;
    for (ColumnValue c : s.set()) {
      SyncScriptWriter.append(sql, any ? ", " : "", d.quote(c.column()) + " = " + literal(c, script));
      any = true;
    }
    return guard(sql, s, table, script);
  }

  /** Appends the WHERE clause and turns the statement into a script statement, guarded or not. */
  private String guard(StringBuilder sql, RowStatement s, String table, SqlScript script) {
    int whereStart = sql.length();
    boolean first = true;
    for (ColumnValue k : s.key()) {
      SyncScriptWriter.append(sql, first ? " WHERE " : " AND ", d.quote(k.column()) + " = " + literal(k, script));
      first = false;
    }
    if (!s.guarded()) {
      return d.statement(sql.toString(), script);
    }
    for (ColumnValue c : s.guard()) {
      if (!d.canGuard(c.kind(), c.targetType())) {
        continue;
      }
      String literal = c.value() == null ? null : literal(c, script);
      SyncScriptWriter.append(sql, " AND ",
          d.guardCondition(d.quote(c.column()), c.kind(), c.targetType(), literal, s.emptyStringIsNull()));
    }
    String where = sql.substring(whereStart);
    return d.guardedStatement(sql.toString(), table, where, s.stopMessage(), script);
  }

  /**
   * A MERGE of the source row (sync.style: merge): {@code MERGE INTO <table> t USING (SELECT <key
   * literals> AS <key columns> [FROM DUAL]) s ON (t.<key> = s.<key> ...) WHEN MATCHED ... THEN UPDATE
   * SET ... WHEN NOT MATCHED ... THEN INSERT (...) VALUES (...)}. The values are literals in SET and
   * VALUES (typed by their column there, like in the DML style); the source row carries only the key.
   * Guarded, the branch the comparison expects carries the guard and the other one {@code 1 = 0}.
   */
  private String merge(RowStatement s, String table, SqlScript script) {
    boolean missing = s.kind() == RowStatement.Kind.MERGE_INSERT;
    List<ColumnValue> row = row(s);
    String[] lit = new String[row.size()];
    for (int i = 0; i < row.size(); i++) {
      lit[i] = literal(row.get(i), script);
    }
    int keys = s.key().size();
    StringBuilder sql = new StringBuilder("MERGE INTO " + table + " t\n  USING (SELECT ");
    StringBuilder keyWhere = new StringBuilder();
    for (int i = 0; i < keys; i++) {
      ColumnValue c = row.get(i);
      String q = d.quote(c.column());
      SyncScriptWriter.append(sql, i == 0 ? "" : ", ", d.mergeKeyValue(c.kind(), lit[i], c.targetType()) + " AS " + q);
      SyncScriptWriter.append(keyWhere, i == 0 ? " WHERE " : " AND ", q + " = " + lit[i]);
    }
    sql.append(d.oneRowFrom()).append(") s\n  ON (");
    for (int i = 0; i < keys; i++) {
      String q = d.quote(row.get(i).column());
      SyncScriptWriter.append(sql, i == 0 ? "" : " AND ", "t." + q + " = s." + q);
    }
    sql.append(")");
    // the guard over t's columns (MERGE) and the same over the bare columns (H2's check query)
    StringBuilder guard = new StringBuilder();
    StringBuilder where = new StringBuilder(keyWhere);
    if (s.guarded() && !missing) {
      for (ColumnValue c : s.guard()) {
        if (!d.canGuard(c.kind(), c.targetType())) {
          continue;
        }
        String literal = c.value() == null ? null : literal(c, script);
        String q = d.quote(c.column());
        SyncScriptWriter.append(guard, guard.length() == 0 ? "" : " AND ",
            d.guardCondition("t." + q, c.kind(), c.targetType(), literal, s.emptyStringIsNull()));
        SyncScriptWriter.append(where, " AND ",
            d.guardCondition(q, c.kind(), c.targetType(), literal, s.emptyStringIsNull()));
      }
    }
    StringBuilder set = new StringBuilder("UPDATE SET ");
    boolean any = false;
    for (ColumnValue c : s.set()) {
      SyncScriptWriter.append(set, any ? ", " : "", d.quote(c.column()) + " = " + lit[indexOf(row, c.column())]);
      any = true;
    }
    if (any) {
      String condition = !s.guarded() ? null : missing ? "1 = 0"
          : guard.length() == 0 ? "1 = 1" : guard.toString(); // only unguardable columns (Oracle LONG)
      sql.append("\n  ").append(d.mergeBranch("WHEN MATCHED", condition, set.toString()));
    }
    StringBuilder insert = new StringBuilder("INSERT (");
    for (int i = 0; i < row.size(); i++) {
      SyncScriptWriter.append(insert, i == 0 ? "" : ", ", d.quote(row.get(i).column()));
    }
    SyncScriptWriter.append(insert, "", ") VALUES (");
    for (int i = 0; i < row.size(); i++) {
      SyncScriptWriter.append(insert, i == 0 ? "" : ", ", lit[i]);
    }
    insert.append(")");
    sql.append("\n  ").append(d.mergeBranch("WHEN NOT MATCHED", s.guarded() && !missing ? "1 = 0" : null,
        insert.toString()));
    if (!s.guarded()) {
      return d.statement(sql.toString(), script);
    }
    String checkFrom;
    if (missing) {
      // H2's check query: one row while the key is still missing
      checkFrom = "(SELECT 1 AS \"MISSING\"" + d.oneRowFrom() + ") g";
      where = new StringBuilder(" WHERE NOT EXISTS (SELECT 1 FROM " + table + keyWhere + ")");
    } else {
      checkFrom = table;
    }
    return d.guardedStatement(sql.toString(), checkFrom, where.toString(), s.stopMessage(), script);
  }

  /** The whole row of an INSERT or MERGE: the key, then the other columns. */
  static List<ColumnValue> row(RowStatement s) {
    List<ColumnValue> row = new java.util.ArrayList<>(s.key());
    row.addAll(s.insert());
    return row;
  }

  static int indexOf(List<ColumnValue> row, String column) {
    for (int i = 0; i < row.size(); i++) {
      if (row.get(i).column().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("column " + column + " is set but not in the row");
  }

  private String literal(ColumnValue c, SqlScript script) {
    return d.literal(c.kind(), c.value(), c.targetType(), script);
  }
}
