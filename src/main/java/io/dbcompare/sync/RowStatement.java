package io.dbcompare.sync;

import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.ValueText;
import java.util.List;
import java.util.Objects;

/**
 * One row change as a value: the statement a sync or undo script holds, before it is rendered as script
 * text for a dialect ({@link StatementText}) or as a bound JDBC statement ({@link StatementBinder}).
 * Nothing reads a rendered statement back; {@code --apply} binds the persisted values
 * ({@link StatementFile}).
 *
 * <p>Every statement changes exactly one row; one that changes none is a conflict (the row changed
 * since the comparison), and an INSERT whose key exists fails on the key.
 *
 * <p>A table without key ({@code TableSpec.keyless()}) has statements without key: an
 * {@link Kind#INSERT_ROW} of one copy of a whole row ({@code key} empty, every column in
 * {@code insert}), and a {@link Kind#DELETE_ROW} that deletes one copy of a row whose every compared
 * column matches {@code guard}.
 *
 * @param kind what the statement does
 * @param table the target table, as its catalog spells it
 * @param key the key columns and their values, in key order; empty for the statements of a table
 *     without key
 * @param set the columns the statement sets besides the key: UPDATE and MERGE_UPDATE the differing
 *     columns, MERGE_INSERT every non-key column; empty for INSERT and DELETE
 * @param insert INSERT and both MERGEs: every non-key column with the value the row gets when inserted;
 *     empty otherwise
 * @param guard the value of every compared non-key column as the row should be before the statement
 *     (as the comparison read it, or as the sync left it for undo); empty when unguarded, for INSERT and
 *     for MERGE_INSERT (whose guard is that the key is missing)
 * @param guarded UPDATE, DELETE and MERGE also match {@code guard}; a guarded MERGE_INSERT inserts only
 *     while the key is missing
 * @param emptyStringIsNull a guard for NULL text also accepts {@code ''} (the empty-string policy)
 * @param undo a statement of an undo script (its stop message says so)
 */
public record RowStatement(Kind kind, TableRef table, List<ColumnValue> key, List<ColumnValue> set,
    List<ColumnValue> insert, List<ColumnValue> guard, boolean guarded, boolean emptyStringIsNull, boolean undo) {

  /** The statement kinds the scripts hold. */
  public enum Kind {
    INSERT("INSERT"),
    /** An UPDATE of the differing columns, by key (guarded: and every compared value). */
    UPDATE("UPDATE"),
    /** A DELETE by key (guarded: and every compared value). */
    DELETE("DELETE"),
    /** A MERGE of a row that differs (sync.style: merge): guarded, it updates only while the row is as read. */
    MERGE_UPDATE("MERGE"),
    /** A MERGE of a row missing in the target: guarded, it inserts only while the key is missing. */
    MERGE_INSERT("MERGE"),
    /**
     * A DELETE of one copy of a row of a table without key: it matches every compared column (its
     * guard, always on) and deletes at most one of the identical rows (Oracle {@code ROWNUM = 1},
     * PostgreSQL by {@code ctid}, H2 {@code FETCH FIRST ROW ONLY}; see {@code Dialect#deleteOneRow}).
     * Appended last: statement files store the kind's ordinal.
     */
    DELETE_ROW("DELETE"),
    /** An INSERT of one copy of a row of a table without key: every compared column, no key. */
    INSERT_ROW("INSERT");

    private final String verb;

    Kind(String verb) {
      this.verb = verb;
    }

    /** The SQL verb: INSERT, UPDATE, DELETE or MERGE. */
    public String verb() {
      return verb;
    }
  }

  public RowStatement {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(table, "table");
    key = List.copyOf(key);
    set = List.copyOf(set);
    insert = List.copyOf(insert);
    guard = List.copyOf(guard);
    if (kind == Kind.DELETE_ROW) {
      if (!key.isEmpty() || !guarded || guard.isEmpty() || !set.isEmpty() || !insert.isEmpty()) {
        throw new IllegalArgumentException("a DELETE of a row without key matches every column (guard) and nothing"
            + " else");
      }
    } else if (kind == Kind.INSERT_ROW) {
      if (!key.isEmpty() || insert.isEmpty() || guarded || !guard.isEmpty() || !set.isEmpty()) {
        throw new IllegalArgumentException("an INSERT of a row without key inserts every column and nothing else");
      }
    } else if (key.isEmpty()) {
      throw new IllegalArgumentException("a row statement needs the row's key (only the DELETE_ROW and INSERT_ROW of"
          + " a table without key have none)");
    }
    boolean setsColumns = kind == Kind.UPDATE || kind == Kind.MERGE_UPDATE;
    if (setsColumns && set.isEmpty()) {
      throw new IllegalArgumentException("no differing column for " + table.display() + " " + keyText(key));
    }
    if ((kind == Kind.INSERT || kind == Kind.DELETE) && !set.isEmpty()) {
      throw new IllegalArgumentException(kind + " sets no column");
    }
    if ((kind == Kind.UPDATE || kind == Kind.DELETE) && !insert.isEmpty()) {
      throw new IllegalArgumentException(kind + " inserts no row");
    }
    if (!guarded && !guard.isEmpty() || kind == Kind.INSERT && !guard.isEmpty()) {
      throw new IllegalArgumentException(kind + (guarded ? "" : " unguarded") + " has no guard values");
    }
  }

  /** An INSERT of a whole row: {@code key} and every other compared column in {@code values}. */
  public static RowStatement insert(TableRef table, List<ColumnValue> key, List<ColumnValue> values) {
    return new RowStatement(Kind.INSERT, table, key, List.of(), values, List.of(), false, false, false);
  }

  /**
   * An UPDATE of the columns in {@code set} of the row with {@code key}; with a {@code guard} (not
   * null) only while every compared column has the value in it.
   */
  public static RowStatement update(TableRef table, List<ColumnValue> key, List<ColumnValue> set,
      List<ColumnValue> guard, boolean emptyStringIsNull) {
    return new RowStatement(Kind.UPDATE, table, key, set, List.of(), guard == null ? List.of() : guard, guard != null,
        emptyStringIsNull, false);
  }

  /** An INSERT of one copy of a row of a table without key: {@code row} holds every compared column. */
  public static RowStatement insertRow(TableRef table, List<ColumnValue> row) {
    return new RowStatement(Kind.INSERT_ROW, table, List.of(), List.of(), row, List.of(), false, false, false);
  }

  /** A DELETE of one copy of a row of a table without key: every compared column has the value in {@code row}. */
  public static RowStatement deleteRow(TableRef table, List<ColumnValue> row, boolean emptyStringIsNull) {
    return new RowStatement(Kind.DELETE_ROW, table, List.of(), List.of(), List.of(), row, true, emptyStringIsNull,
        false);
  }

  /** Whether this is a statement of a table without key (it names its row by all its values). */
  public boolean keyless() {
    return key.isEmpty();
  }

  /** A DELETE of the row with {@code key}; with a {@code guard} (not null) only while it has those values. */
  public static RowStatement delete(TableRef table, List<ColumnValue> key, List<ColumnValue> guard,
      boolean emptyStringIsNull) {
    return new RowStatement(Kind.DELETE, table, key, List.of(), List.of(), guard == null ? List.of() : guard,
        guard != null, emptyStringIsNull, false);
  }

  /** The same statement, in an undo script. */
  public RowStatement asUndo() {
    return new RowStatement(kind, table, key, set, insert, guard, guarded, emptyStringIsNull, true);
  }

  /**
   * The key as a DBA reads it: {@code (ID=42, REGION=EU)}; for a table without key the whole row, which
   * is all that names it.
   */
  public String keyText() {
    return keyText(kind == Kind.DELETE_ROW ? guard : kind == Kind.INSERT_ROW ? insert : key);
  }

  private static String keyText(List<ColumnValue> key) {
    return ValueText.display(key.stream().map(ColumnValue::column).toList(),
        key.stream().map(ColumnValue::kind).toList(), key.stream().map(ColumnValue::value).toArray());
  }

  /**
   * What a guarded statement says when it changes no row: the script stops with it, and
   * {@code --apply} reports it as the conflict.
   */
  public String stopMessage() {
    String row = table.display() + " " + keyText();
    return switch (kind) {
      case MERGE_INSERT -> "sync stopped: " + row + " changed since the comparison (MERGE found a row with the key it"
          + " was to insert)";
      case MERGE_UPDATE -> "sync stopped: " + row + " changed since the comparison (MERGE found no row with the values"
          + " it read)";
      default -> undo
          ? "undo stopped: " + row + " is not as the sync script left it (" + kind.verb() + " found no row with those"
              + " values)"
          : "sync stopped: " + row + " changed since the comparison (" + kind.verb() + " found no row with the values"
              + " it read)";
    };
  }
}
