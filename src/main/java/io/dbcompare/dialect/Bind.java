package io.dbcompare.dialect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * One value bound to a {@code ?} of a statement, with the JDBC call that binds it exactly: the dialect
 * chooses it from the value's kind and its target column's type (see {@link Dialect#boundValue}).
 *
 * @param binding how it is bound
 * @param value the Java value, of the type {@link Binding} names; never null (NULL is written as the
 *     literal {@code NULL}, so no NULL is ever bound without a type)
 */
public record Bind(Binding binding, Object value) {

  /** The JDBC call for a value; each names the Java type of the value it takes. */
  public enum Binding {
    /** {@code setBigDecimal}: {@link BigDecimal} (NUMBER, never through double). */
    DECIMAL(BigDecimal.class),
    /** {@code setLong}: {@link Long} (an integer column whose parameter must keep the column's index usable). */
    LONG(Long.class),
    /** {@code setDouble}: {@link Double}. */
    DOUBLE(Double.class),
    /** {@code setString}: {@link String}. */
    STRING(String.class),
    /** {@code setNString}: {@link String} for a national character column. */
    NSTRING(String.class),
    /** {@code setClob} of a {@code Connection.createClob()} filled with the {@link String}. */
    CLOB(String.class),
    /** {@code setNClob} of a {@code Connection.createNClob()} filled with the {@link String}. */
    NCLOB(String.class),
    /** {@code setBytes}: {@code byte[]}. */
    BYTES(byte[].class),
    /** {@code setBlob} of a {@code Connection.createBlob()} filled with the {@code byte[]}. */
    BLOB(byte[].class),
    /** {@code setObject}: {@link LocalDateTime}. */
    TIMESTAMP(LocalDateTime.class),
    /** {@code setObject}: {@link LocalDate} (a date-only column). */
    DATE(LocalDate.class),
    /** {@code setObject}: {@link OffsetDateTime}. */
    TIMESTAMP_TZ(OffsetDateTime.class),
    /** {@code setBoolean}: {@link Boolean}. */
    BOOLEAN(Boolean.class),
    /** {@code setObject}: {@link java.util.UUID} (a PostgreSQL uuid column). */
    UUID(java.util.UUID.class),
    /**
     * {@code setObject(i, value, Types.OTHER)}: a {@link String} whose type the server infers from where
     * the parameter stands (pgJDBC sends it as "unspecified"): the input text of a json, inet, enum or
     * interval column, which a varchar parameter would not be assigned to.
     */
    UNTYPED_STRING(String.class);

    private final Class<?> type;

    Binding(Class<?> type) {
      this.type = type;
    }

    public Class<?> type() {
      return type;
    }
  }

  public Bind {
    if (value == null || !binding.type().isInstance(value)) {
      throw new IllegalArgumentException(binding + " binds a " + binding.type().getSimpleName() + ", not "
          + (value == null ? "null" : value.getClass().getSimpleName()));
    }
  }

  /** A value bound as its kind's Java type (see {@link io.dbcompare.compare.ValueKind}). */
  public static Bind standard(io.dbcompare.compare.ValueKind kind, Object value) {
    return new Bind(switch (kind) {
      case NUMBER -> Binding.DECIMAL;
      case FLOAT -> Binding.DOUBLE;
      case TEXT -> Binding.STRING;
      case BYTES -> Binding.BYTES;
      case DATETIME -> Binding.TIMESTAMP;
      case DATETIME_TZ -> Binding.TIMESTAMP_TZ;
      case BOOLEAN -> Binding.BOOLEAN;
      case INTERVAL -> throw new IllegalArgumentException("an interval is bound as text by its dialect");
      case ARRAY -> throw new IllegalArgumentException("an array is bound by its dialect");
    }, value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bind b && b.binding == binding
        && (value instanceof byte[] a ? b.value instanceof byte[] c && java.util.Arrays.equals(a, c) : value.equals(b.value));
  }

  @Override
  public int hashCode() {
    return binding.hashCode() * 31 + (value instanceof byte[] a ? java.util.Arrays.hashCode(a) : value.hashCode());
  }

  @Override
  public String toString() {
    return binding + ":" + (value instanceof byte[] a ? java.util.HexFormat.of().formatHex(a) : value);
  }
}
