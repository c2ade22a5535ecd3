package io.dbcompare.sync;

import io.dbcompare.dialect.Bind;
import io.dbcompare.dialect.BoundValue;
import io.dbcompare.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RowStatement} as a bound JDBC statement for a dialect: the statement of the script with a
 * parameter where the script has a literal (the dialect decides how each value binds, see
 * {@link Dialect#boundValue}), and the same guards. Where the script needs a procedural block or a
 * check query to stop on a statement that changes no row, the bound statement is the plain DML: its
 * update count says it (see {@link BoundStatement}).
 *
 * <p>A MERGE takes its key from the parameters of its ON condition ({@code USING (SELECT 1 ...) s ON
 * (t.key = ?)}): a parameter in the source row's select list would have no type to take.
 */
public final class StatementBinder {
  private final Dialect d;

  public StatementBinder(Dialect d) {
    this.d = d;
  }

  public BoundStatement bind(RowStatement s) {
    Sql sql = new Sql();
    String table = d.qualified(s.table());
    switch (s.kind()) {
      case INSERT, INSERT_ROW -> insert(sql.add("INSERT INTO " + table + " "), StatementText.row(s));
      case DELETE -> where(sql.add("DELETE FROM " + table), s, "");
      case UPDATE -> {
        sql.add("UPDATE " + table + " SET ");
        set(sql, s.set());
        where(sql, s, "");
      }
      case MERGE_UPDATE, MERGE_INSERT -> merge(sql, s, table);
      case DELETE_ROW -> deleteRow(sql, s, table);
    }
    return new BoundStatement(s, sql.text.toString(), sql.binds);
  }

  private void insert(Sql sql, List<ColumnValue> row) {
    sql.add("(");
    for (int i = 0; i < row.size(); i++) {
      sql.add((i == 0 ? "" : ", ") + d.quote(row.get(i).column()));
    }
    sql.add(") VALUES (");
    for (int i = 0; i < row.size(); i++) {
      sql.add(i == 0 ? "" : ", ").add(value(row.get(i)));
    }
    sql.add(")");
  }

  private void set(Sql sql, List<ColumnValue> set) {
    for (int i = 0; i < set.size(); i++) {
      sql.add((i == 0 ? "" : ", ") + d.quote(set.get(i).column()) + " = ").add(value(set.get(i)));
    }
  }

  /** The key, then (guarded) every compared column's value; {@code alias} prefixes the columns. */
  private void where(Sql sql, RowStatement s, String alias) {
    boolean first = true;
    for (ColumnValue k : s.key()) {
      sql.add((first ? " WHERE " : " AND ") + alias + d.quote(k.column()) + " = ").add(value(k));
      first = false;
    }
    if (s.guarded()) {
      for (ColumnValue c : s.guard()) {
        if (d.canGuard(c.kind(), c.targetType())) {
          sql.add(" AND ").add(guard(alias, c, s));
        }
      }
    }
  }

  /** {@link Dialect#deleteOneRow} with every column's value bound where its WHERE clause goes. */
  private void deleteRow(Sql sql, RowStatement s, String table) {
    Sql where = new Sql();
    for (int i = 0; i < s.guard().size(); i++) {
      where.add(i == 0 ? " WHERE " : " AND ").add(guard("", s.guard().get(i), s));
    }
    String marker = "\u0000W";
    String text = d.deleteOneRow(table, marker);
    int at = text.indexOf(marker);
    sql.add(text.substring(0, at)).add(new BoundValue(where.text.toString(), where.binds))
        .add(text.substring(at + marker.length()));
  }

  private void merge(Sql sql, RowStatement s, String table) {
    boolean missing = s.kind() == RowStatement.Kind.MERGE_INSERT;
    sql.add("MERGE INTO " + table + " t USING (SELECT 1 AS \"ONE\"" + d.oneRowFrom() + ") s ON (");
    for (int i = 0; i < s.key().size(); i++) {
      ColumnValue k = s.key().get(i);
      sql.add((i == 0 ? "" : " AND ") + "t." + d.quote(k.column()) + " = ").add(value(k));
    }
    sql.add(")");
    if (!s.set().isEmpty()) {
      Sql condition = null;
      if (s.guarded()) {
        condition = new Sql();
        if (missing) {
          condition.add("1 = 0");
        } else {
          boolean first = true;
          for (ColumnValue c : s.guard()) {
            if (d.canGuard(c.kind(), c.targetType())) {
              condition.add(first ? "" : " AND ").add(guard("t.", c, s));
              first = false;
            }
          }
          if (first) {
            condition.add("1 = 1"); // only unguardable columns (Oracle LONG)
          }
        }
      }
      Sql action = new Sql().add("UPDATE SET ");
      set(action, s.set());
      branch(sql, "WHEN MATCHED", condition, action);
    }
    Sql insert = new Sql().add("INSERT ");
    insert(insert, StatementText.row(s));
    branch(sql, "WHEN NOT MATCHED", s.guarded() && !missing ? new Sql().add("1 = 0") : null, insert);
  }

  /**
   * A MERGE branch in the dialect's form ({@link Dialect#mergeBranch}); the condition's and the
   * action's parameters are bound in the order the dialect places them.
   */
  private void branch(Sql sql, String when, Sql condition, Sql action) {
    String marker = "\u0000";
    String text = d.mergeBranch(when, condition == null ? null : marker + "C", marker + "A");
    sql.add(" ");
    int at = 0;
    while (at < text.length()) {
      int m = text.indexOf(marker, at);
      if (m < 0) {
        sql.add(text.substring(at).replace("\n ", "").replace("\n", " "));
        break;
      }
      sql.add(text.substring(at, m).replace("\n ", "").replace("\n", " "));
      Sql part = text.charAt(m + 1) == 'C' ? condition : action;
      sql.add(new BoundValue(part.text.toString(), part.binds));
      at = m + 2;
    }
  }

  private BoundValue value(ColumnValue c) {
    return d.boundValue(c.kind(), c.value(), c.targetType());
  }

  private BoundValue guard(String alias, ColumnValue c, RowStatement s) {
    return d.boundGuard(alias + d.quote(c.column()), c.kind(), c.targetType(), c.value(), s.emptyStringIsNull());
  }

  /** SQL text and its binds, built together so the binds follow the parameters' order. */
  private static final class Sql {
    final StringBuilder text = new StringBuilder();
    final List<Bind> binds = new ArrayList<>();

    Sql add(String s) {
      text.append(s);
      return this;
    }

    Sql add(BoundValue v) {
      text.append(v.sql());
      binds.addAll(v.binds());
      return this;
    }
  }
}
