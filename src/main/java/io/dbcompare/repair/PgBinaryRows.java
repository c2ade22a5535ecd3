package io.dbcompare.repair;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.TableSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rows in PostgreSQL's binary COPY format ({@code COPY ... FROM STDIN (FORMAT binary)}): a signature,
 * then per row the number of fields and each field as a length and the type's binary "send" form, then
 * a trailer. Each value is encoded for its target column's type exactly as the server's receive
 * function reads it; a type without an encoder here keeps the table on batched INSERTs (and the repair
 * says so).
 */
final class PgBinaryRows {
  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
  /** PostgreSQL's epoch for dates and timestamps. */
  private static final LocalDateTime EPOCH = LocalDateTime.of(2000, 1, 1, 0, 0);
  private static final int NUMERIC_POS = 0x0000;
  private static final int NUMERIC_NEG = 0x4000;

  /** Per column: its type's position in {@link #CODES} (a switch on ints, not on strings, per value). */
  private final int[] codes;
  private static final List<String> CODES = List.of("int2", "int4", "int8", "numeric", "float4", "float8", "varchar",
      "text", "bpchar", "bytea", "bool", "date", "timestamp", "timestamptz");
  private static final long EPOCH_SECONDS = epochSeconds();
  private static final long EPOCH_DAY = epochDay();
  private final ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
  private final DataOutputStream out = new DataOutputStream(buf);

  PgBinaryRows(TableSpec t) {
    codes = t.columns().stream().mapToInt(c -> CODES.indexOf(c.targetType().toLowerCase(Locale.ROOT))).toArray();
  }

  /** The first column whose type has no binary encoder here, as {@code "NAME (type)"}, or empty. */
  static Optional<String> unsupported(TableSpec t) {
    for (ColumnSpec c : t.columns()) {
      if (!CODES.contains(c.targetType().toLowerCase(Locale.ROOT))) {
        return Optional.of(c.targetName() + " (" + c.targetType() + ")");
      }
    }
    return Optional.empty();
  }

  void header() {
    try {
      out.write(SIGNATURE);
      out.writeInt(0); // flags
      out.writeInt(0); // header extension length
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void row(Object[] values) {
    try {
      out.writeShort(values.length);
      for (int i = 0; i < values.length; i++) {
        field(codes[i], values[i]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void trailer() {
    try {
      out.writeShort(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int size() {
    return buf.size();
  }

  /** The bytes encoded since the last call. */
  byte[] take() {
    byte[] b = buf.toByteArray();
    buf.reset();
    return b;
  }

  private void field(int code, Object v) throws IOException {
    if (v == null) {
      out.writeInt(-1);
      return;
    }
    switch (code) {
      case 0 -> { // int2
        out.writeInt(2);
        out.writeShort(whole(v).shortValueExact());
      }
      case 1 -> { // int4
        out.writeInt(4);
        out.writeInt(whole(v).intValueExact());
      }
      case 2 -> { // int8
        out.writeInt(8);
        out.writeLong(whole(v).longValueExact());
      }
      case 3 -> numeric((BigDecimal) v);
      case 4 -> { // float4
        out.writeInt(4);
        out.writeFloat((float) (double) (Double) v); // read widened from a real: narrowing is exact
      }
      case 5 -> { // float8
        out.writeInt(8);
        out.writeDouble((Double) v);
      }
      case 6, 7, 8 -> bytes(((String) v).getBytes(StandardCharsets.UTF_8)); // varchar, text, bpchar
      case 9 -> bytes((byte[]) v); // bytea
      case 10 -> { // bool
        out.writeInt(1);
        out.writeByte(((Boolean) v) ? 1 : 0);
      }
      case 11 -> { // date: days since 2000-01-01
        out.writeInt(4);
        out.writeInt((int) (((LocalDateTime) v).toLocalDate().toEpochDay() - EPOCH_DAY));
      }
      case 12 -> { // timestamp
        out.writeInt(8);
        out.writeLong(micros((LocalDateTime) v));
      }
      case 13 -> { // timestamptz
        out.writeInt(8);
        out.writeLong(micros(((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
      }
      default -> throw new IllegalStateException("no binary encoder for type #" + code);
    }
  }

  private final short[] groups = new short[8];

  /**
   * {@link #numeric} of a number whose unscaled value fits a long with room for three more digits: the
   * unscaled value is padded to whole groups of four fraction digits and cut into base-10000 digits.
   */
  private void numericFromLong(long unscaled, int scale, int signum) throws IOException {
    int pad = (4 - scale % 4) % 4;
    long u = unscaled;
    for (int i = 0; i < pad; i++) {
      u *= 10;
    }
    int fractionGroups = (scale + pad) / 4;
    int n = 0;
    while (u != 0) {
      groups[n++] = (short) (u % 10000); // least significant first
      u /= 10000;
    }
    int weight = n - fractionGroups - 1;
    int low = 0;
    while (low < n && groups[low] == 0) {
      low++; // trailing zero digits are left out
    }
    int count = n - low;
    out.writeInt(8 + 2 * count);
    out.writeShort(count);
    out.writeShort(count == 0 ? 0 : weight);
    out.writeShort(signum < 0 ? NUMERIC_NEG : NUMERIC_POS);
    out.writeShort(scale);
    for (int i = n - 1; i >= low; i--) {
      out.writeShort(groups[i]);
    }
  }

  /**
   * A number for an integer column, rounded as PostgreSQL rounds a numeric assigned to one (half away
   * from zero); a value out of the column's range fails, as the INSERT would.
   */
  private static BigDecimal whole(Object v) {
    return ((BigDecimal) v).setScale(0, RoundingMode.HALF_UP);
  }

  private void bytes(byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  /**
   * Microseconds since 2000-01-01, rounded half up as PostgreSQL rounds a timestamp given with more
   * fraction digits than it keeps.
   */
  static long micros(LocalDateTime t) {
    long seconds = t.toEpochSecond(ZoneOffset.UTC) - EPOCH_SECONDS;
    long micros = (t.getNano() + 500) / 1000;
    return seconds * 1_000_000L + micros;
  }

  private static long epochSeconds() {
    return EPOCH.toEpochSecond(ZoneOffset.UTC);
  }

  private static long epochDay() {
    return EPOCH.toLocalDate().toEpochDay();
  }

  /**
   * numeric's send form: the number of base-10000 digits, the weight of the first (power of 10000),
   * the sign, the display scale, then the digits; leading and trailing zero digits are left out.
   */
  void numeric(BigDecimal v) throws IOException {
    if (v.scale() >= 0 && v.scale() <= 16 && v.unscaledValue().bitLength() < 63 - 14) {
      numericFromLong(Math.abs(v.unscaledValue().longValue()), v.scale(), v.signum());
      return;
    }
    int dscale = Math.max(v.scale(), 0);
    BigDecimal abs = v.abs();
    if (abs.scale() < 0) {
      abs = abs.setScale(0, RoundingMode.UNNECESSARY);
    }
    String plain = abs.toPlainString();
    int dot = plain.indexOf('.');
    String intPart = dot < 0 ? plain : plain.substring(0, dot);
    String fracPart = dot < 0 ? "" : plain.substring(dot + 1);
    if (intPart.equals("0")) {
      intPart = "";
    }
    intPart = "0".repeat((4 - intPart.length() % 4) % 4) + intPart;
    fracPart = fracPart + "0".repeat((4 - fracPart.length() % 4) % 4);
    String all = intPart + fracPart;
    int groups = all.length() / 4;
    short[] digits = new short[groups];
    for (int i = 0; i < groups; i++) {
      digits[i] = Short.parseShort(all.substring(i * 4, i * 4 + 4));
    }
    int weight = intPart.length() / 4 - 1;
    int first = 0;
    while (first < groups && digits[first] == 0) {
      first++;
      weight--;
    }
    int last = groups;
    while (last > first && digits[last - 1] == 0) {
      last--;
    }
    int n = last - first;
    if (n == 0) {
      weight = 0;
    }
    out.writeInt(8 + 2 * n);
    out.writeShort(n);
    out.writeShort(weight);
    out.writeShort(v.signum() < 0 ? NUMERIC_NEG : NUMERIC_POS);
    out.writeShort(dscale);
    for (int i = first; i < last; i++) {
      out.writeShort(digits[i]);
    }
  }

  /** The column list of a COPY or INSERT into the target, quoted. */
  static String columns(TableSpec t, java.util.function.UnaryOperator<String> quote) {
    List<String> cols = t.columns().stream().map(c -> quote.apply(c.targetName())).toList();
    return String.join(", ", cols);
  }
}
