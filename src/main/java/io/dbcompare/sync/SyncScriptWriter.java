package io.dbcompare.sync;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.SqlScript;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * Writes the statements that make the target table equal to the source, in the target's dialect:
 * DELETE the rows missing in the source, UPDATE the differing columns of differing rows, INSERT the
 * rows missing in the target (in that order, so a unique value moving between rows applies cleanly
 * more often). Rows are addressed by their key; only compared columns are written.
 */
public final class SyncScriptWriter {
  /** Statements are wrapped before a line grows past this many bytes (then at most a literal's line). */
  static final int MAX_LINE = 2400;
  private final Dialect target;
  private final int batchSize;

  public SyncScriptWriter(Dialect target, int batchSize) {
    this.target = target;
    this.batchSize = batchSize;
  }

  /** Statement counts of a script. */
  public record Counts(long deletes, long updates, long inserts) {
    public long total() {
      return deletes + updates + inserts;
    }
  }

  public static Counts count(Iterable<ChunkResult> results) {
    long d = 0;
    long u = 0;
    long i = 0;
    for (ChunkResult r : results) {
      d += r.missingInSource();
      u += r.different();
      i += r.missingInTarget();
    }
    return new Counts(d, u, i);
  }

  /**
   * Writes the script atomically (a temporary file renamed into place), so a crash never leaves a
   * half-written script under the final name.
   */
  public void write(Path file, TableSpec table, Iterable<ChunkResult> results, List<String> header) {
    Counts counts = count(results);
    Path tmp = file.resolveSibling(file.getFileName() + ".part");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        // The preamble comes first: it switches off client features (SQL*Plus '&' substitution) that
        // would otherwise act on the header comments, which hold URLs and table names.
        for (String line : target.scriptPreamble()) {
          w.write(line + "\n");
        }
        w.write("\n");
        for (String h : header) {
          w.write(comment(h));
        }
        w.write(comment("Statements: " + counts.deletes() + " DELETE, " + counts.updates() + " UPDATE, "
            + counts.inserts() + " INSERT (only compared columns are written)"));
        w.write(comment("Review before running against " + table.target().display() + "."));
        w.write("\n");
        long[] n = {0};
        for (DiffKind kind : List.of(DiffKind.MISSING_IN_SOURCE, DiffKind.DIFFERENT, DiffKind.MISSING_IN_TARGET)) {
          for (ChunkResult r : results) {
            for (RowDiff d : r.diffs()) {
              if (d.kind() == kind) {
                String stmt = statement(table, d);
                if (stmt != null) {
                  w.write(stmt);
                  w.write("\n");
                  if (++n[0] % batchSize == 0) {
                    writeLines(w, target.scriptCommit());
                  }
                }
              }
            }
          }
        }
        w.write("\n");
        writeLines(w, target.scriptEpilogue());
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CompareException(ErrorCode.IO, file + ": cannot write the sync script: " + e.getMessage(), e);
    }
  }

  /** A comment line; a line break in the text must not turn the rest into a statement. */
  private static String comment(String text) {
    return "-- " + text.replace("\r", " ").replace("\n", " ") + "\n";
  }

  private static void writeLines(Writer w, List<String> lines) throws IOException {
    for (String l : lines) {
      w.write(l + "\n");
    }
  }

  /** One statement, or null for a "different" row whose differences vanish in canonical form. */
  String statement(TableSpec t, RowDiff d) {
    SqlScript script = new SqlScript();
    String table = target.qualified(t.target());
    String sql = switch (d.kind()) {
      case MISSING_IN_SOURCE -> {
        StringBuilder delete = new StringBuilder("DELETE FROM " + table);
        keyPredicate(delete, t, d.key(), script);
        yield delete.toString();
      }
      case MISSING_IN_TARGET -> insert(t, table, d.sourceValues(), script);
      case DIFFERENT -> update(t, table, d, script);
    };
    return sql == null ? null : target.statement(sql, script);
  }

  private String insert(TableSpec t, String table, Object[] values, SqlScript script) {
    StringBuilder sql = new StringBuilder("INSERT INTO " + table + " (");
    for (int i = 0; i < t.columns().size(); i++) {
      append(sql, i == 0 ? "" : ", ", target.quote(t.columns().get(i).targetName()));
    }
    append(sql, "", ") VALUES (");
    for (int i = 0; i < t.columns().size(); i++) {
      ColumnSpec c = t.columns().get(i);
      append(sql, i == 0 ? "" : ", ", target.literal(c.kind(), values[i], c.targetType(), script));
    }
    return sql.append(")").toString();
  }

  private String update(TableSpec t, String table, RowDiff d, SqlScript script) {
    StringBuilder sql = new StringBuilder("UPDATE " + table + " SET ");
    boolean any = false;
    for (int i = t.keyCount(); i < t.columns().size(); i++) {
      ColumnSpec c = t.columns().get(i);
      if (!sameValue(c, d.sourceValues()[i], d.targetValues()[i])) {
        append(sql, any ? ", " : "", target.quote(c.targetName()) + " = "
            + target.literal(c.kind(), d.sourceValues()[i], c.targetType(), script));
        any = true;
      }
    }
    if (!any) {
      return null;
    }
    keyPredicate(sql, t, d.key(), script);
    return sql.toString();
  }

  /** Whether two values are equal for the comparison (same canonical text). */
  public static boolean sameValue(ColumnSpec c, Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Objects.equals(Canonical.text(c.kind(), a), Canonical.text(c.kind(), b));
  }

  private void keyPredicate(StringBuilder sql, TableSpec t, Object[] key, SqlScript script) {
    for (int i = 0; i < t.keyCount(); i++) {
      ColumnSpec c = t.columns().get(i);
      append(sql, i == 0 ? " WHERE " : " AND ",
          target.quote(c.targetName()) + " = " + target.literal(c.kind(), key[i], c.targetType(), script));
    }
  }

  /**
   * Appends {@code sep} and {@code part}, starting a new line instead when the current line would grow
   * past {@link #MAX_LINE} bytes: a wide table's column list or several long literals never make one
   * line that a client refuses (SQL*Plus: 2,499 bytes).
   */
  static void append(StringBuilder sql, String sep, String part) {
    int nl = part.indexOf('\n');
    String firstLine = nl < 0 ? part : part.substring(0, nl);
    int lineStart = sql.lastIndexOf("\n") + 1;
    if (lineStart < sql.length()
        && utf8Length(sql.substring(lineStart)) + utf8Length(sep) + utf8Length(firstLine) > MAX_LINE) {
      String word = sep.strip(); // ",", "WHERE", "AND" or nothing
      sql.append(word.equals(",") ? ",\n  " : word.isEmpty() ? "\n  " : "\n  " + word + " ");
    } else {
      sql.append(sep);
    }
    sql.append(part);
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
