package io.dbcompare.jdbc;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.DeclaredSize;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.PushdownSql;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a table's rows are hashed natively, from the databases' own values ({@link PushdownSql#nativeValueHash},
 * PostgreSQL) or own text of the row ({@link PushdownSql#nativeRowText}, Oracle), instead of the canonical
 * encoding: a pre-filter that costs what reading the rows costs, where the
 * canonical per-type formatting costs several times that.
 *
 * <p>Only when equal native texts mean equal values for the Java reference: both sides are the same
 * platform (the caller's part), and every compared column has the same type on both sides, spelled
 * alike by the catalogs (name, declared precision and scale or length as {@link DeclaredSize} holds
 * them), a type whose text output determines its value ({@link PushdownSql#nativeTextBlocker}), and text
 * is stored in the same character set on both sides (the hash sees the stored bytes: one byte means
 * two characters in two character sets). With the same type on both sides the reference reads a value
 * the same way on both, so equal stored values are equal canonical values. Differing texts are never
 * reported as such: the rows are read in full and confirmed by the reference.
 */
public final class NativeRowHash {
  private NativeRowHash() {}

  /**
   * Null when the table may be hashed from its native row text; otherwise why not (reported).
   *
   * @param p the platform's push-down SQL (both sides are this platform)
   */
  public static String blocker(TableSpec t, PushdownSql p, DatabaseFacts source, DatabaseFacts target) {
    if (!p.hasNativeRowText()) {
      return "this database has no native row text";
    }
    boolean text = false;
    for (ColumnSpec c : t.columns()) {
      String st = c.type(Side.SOURCE);
      String tt = c.type(Side.TARGET);
      if (!st.toLowerCase(Locale.ROOT).equals(tt.toLowerCase(Locale.ROOT))) {
        return "column " + c.name() + " is " + st + " on the source and " + tt + " on the target";
      }
      if (!c.size(Side.SOURCE).equals(c.size(Side.TARGET))) {
        return "column " + c.name() + " is " + st + size(c.size(Side.SOURCE)) + " on the source and " + tt
            + size(c.size(Side.TARGET)) + " on the target";
      }
      Optional<String> why = p.nativeTextBlocker(c.kind(), st);
      if (why.isPresent()) {
        return "column " + c.name() + " (" + st + "): " + why.get();
      }
      text |= c.kind() == ValueKind.TEXT;
    }
    if (text) {
      String s = source.characterSet();
      String g = target.characterSet();
      if (s == null || g == null || !s.toUpperCase(Locale.ROOT).equals(g.toUpperCase(Locale.ROOT))) {
        return "text is stored in " + Objects.requireNonNullElse(s, "an unknown character set") + " on the source and "
            + Objects.requireNonNullElse(g, "an unknown character set") + " on the target";
      }
    }
    return null;
  }

  private static String size(DeclaredSize d) {
    if (d.precision() == null && d.scale() == null) {
      return " (no declared size)";
    }
    return "(" + (d.precision() == null ? "*" : d.precision()) + (d.scale() == null ? "" : "," + d.scale()) + ")";
  }
}
