package io.dbcompare.compare;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which both sides must deliver rows: the key columns left to right, each in a binary,
 * locale-independent order. Text compares by Unicode code point, which is the byte order of UTF-8 and
 * so the order of Oracle {@code NLS_SORT=BINARY} on AL32UTF8 and PostgreSQL {@code COLLATE "C"}.
 * Bytes compare unsigned. The merge verifies that every stream really arrives in this order.
 */
public final class KeyOrder implements Comparator<Object[]> {
  private final List<ValueKind> kinds;

  public KeyOrder(List<ValueKind> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  public int size() {
    return kinds.size();
  }

  public List<ValueKind> kinds() {
    return kinds;
  }

  @Override
  public int compare(Object[] a, Object[] b) {
    for (int i = 0; i < kinds.size(); i++) {
      int c = compareValue(kinds.get(i), a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  public static int compareValue(ValueKind kind, Object a, Object b) {
    if (a == null || b == null) {
      // Key columns are NOT NULL; a NULL key is rejected by the reader before it gets here.
      throw new IllegalStateException("NULL in a key column");
    }
    return switch (kind) {
      case NUMBER -> ((BigDecimal) a).compareTo((BigDecimal) b);
      case FLOAT -> Double.compare((Double) a, (Double) b);
      case TEXT -> compareCodePoints((String) a, (String) b);
      case BYTES -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      case DATETIME -> ((LocalDateTime) a).compareTo((LocalDateTime) b);
      case DATETIME_TZ -> ((OffsetDateTime) a).toInstant().compareTo(((OffsetDateTime) b).toInstant());
      case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
    };
  }

  /** Compares strings by code point (not by UTF-16 unit, which orders supplementary characters wrongly). */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
