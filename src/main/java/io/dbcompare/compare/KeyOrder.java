package io.dbcompare.compare;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which both sides must deliver rows: the key columns left to right, each in a binary,
 * locale-independent order. Text compares in the {@link TextOrder} chosen for its column from both
 * databases (by default code point order, the byte order of UTF-8 and so the order of Oracle
 * {@code NLS_SORT=BINARY} on AL32UTF8 and PostgreSQL {@code COLLATE "C"} in UTF8). Bytes compare
 * unsigned. The merge verifies that every stream really arrives in this order.
 */
public final class KeyOrder implements Comparator<Object[]> {
  private final List<ValueKind> kinds;
  private final List<TextOrder> textOrders;

  /** Text in code point order. */
  public KeyOrder(List<ValueKind> kinds) {
    this(kinds, Collections.nCopies(kinds.size(), TextOrder.CODE_POINT));
  }

  /** @param textOrders per key column, the order of text values (ignored for other kinds) */
  public KeyOrder(List<ValueKind> kinds, List<TextOrder> textOrders) {
    if (kinds.size() != textOrders.size()) {
      throw new IllegalArgumentException(kinds.size() + " key kinds but " + textOrders.size() + " text orders");
    }
    this.kinds = List.copyOf(kinds);
    this.textOrders = List.copyOf(textOrders);
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
      int c = compareValue(kinds.get(i), textOrders.get(i), a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Text in code point order. */
  public static int compareValue(ValueKind kind, Object a, Object b) {
    return compareValue(kind, TextOrder.CODE_POINT, a, b);
  }

  public static int compareValue(ValueKind kind, TextOrder text, Object a, Object b) {
    if (a == null || b == null) {
      // Key columns are NOT NULL; a NULL key is rejected by the reader before it gets here.
      throw new IllegalStateException("NULL in a key column");
    }
    return switch (kind) {
      case NUMBER -> SpecialNumber.compare(a, b);
      case FLOAT -> Double.compare((Double) a, (Double) b);
      case TEXT -> text.compare((String) a, (String) b);
      case BYTES -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      case DATETIME -> ((LocalDateTime) a).compareTo((LocalDateTime) b);
      case DATETIME_TZ -> ((OffsetDateTime) a).toInstant().compareTo(((OffsetDateTime) b).toInstant());
      case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
      // refused as a key when the table is resolved: no database orders intervals field by field
      case INTERVAL -> throw new IllegalStateException("an interval is never a key");
      case ARRAY -> throw new IllegalStateException("an array is never a key");
    };
  }

  /** Compares strings by code point (not by UTF-16 unit, which orders supplementary characters differently). */
  public static int compareCodePoints(String a, String b) {
    return TextOrder.compareCodePoints(a, b);
  }
}
