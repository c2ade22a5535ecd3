package io.dbcompare.checkpoint;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.dbcompare.compare.ArrayValue;
import io.dbcompare.compare.Interval;
import io.dbcompare.compare.SpecialNumber;
import io.dbcompare.compare.ValueKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One compared value in Kryo, lossless: its kind's tag, then NUMBER as unscaled integer and scale,
 * date-times as epoch seconds plus nanoseconds (and the offset), floats as their raw bits. Kryo's
 * default serializers for JDBC types drop nanoseconds, so none of them is ever used. Chunk checkpoints
 * and the statement files of sync scripts both write values this way.
 *
 * <p>Added with issue 11 (no new format version: files written before hold none of them, so they read
 * as before): {@link SpecialNumber} under its own tag {@code 'n'} and its name, {@link Interval} under
 * INTERVAL's tag as months, days and the seconds' unscaled integer and scale. PostgreSQL's infinite
 * date-times ({@code LocalDateTime.MAX} and the like) need nothing new: their epoch seconds, nanoseconds
 * and offset round-trip exactly. {@link ArrayValue} under ARRAY's tag: its element kind's tag, the
 * number of dimensions, each dimension's lower bound and length, then each element as a value.
 */
public final class ValueCodec {
  /** The tag of a {@link SpecialNumber}: not a kind's tag, it is a NUMBER value. */
  static final char SPECIAL_NUMBER_TAG = 'n';

  private ValueCodec() {}

  /** The kind whose Java type {@code v} has. */
  public static ValueKind kindOf(Object v) {
    if (v instanceof BigDecimal || v instanceof SpecialNumber) {
      return ValueKind.NUMBER;
    } else if (v instanceof Interval) {
      return ValueKind.INTERVAL;
    } else if (v instanceof ArrayValue) {
      return ValueKind.ARRAY;
    } else if (v instanceof Double) {
      return ValueKind.FLOAT;
    } else if (v instanceof String) {
      return ValueKind.TEXT;
    } else if (v instanceof byte[]) {
      return ValueKind.BYTES;
    } else if (v instanceof LocalDateTime) {
      return ValueKind.DATETIME;
    } else if (v instanceof OffsetDateTime) {
      return ValueKind.DATETIME_TZ;
    } else if (v instanceof Boolean) {
      return ValueKind.BOOLEAN;
    }
    throw new IllegalArgumentException("no value kind holds a " + v.getClass().getName());
  }

  public static void write(Output out, Object v) {
    if (v == null) {
      out.writeByte(0);
    } else if (v instanceof BigDecimal d) {
      out.writeByte(ValueKind.NUMBER.tag());
      writeDecimal(out, d);
    } else if (v instanceof SpecialNumber n) {
      out.writeByte(SPECIAL_NUMBER_TAG);
      out.writeString(n.name());
    } else if (v instanceof Interval iv) {
      out.writeByte(ValueKind.INTERVAL.tag());
      out.writeVarLong(iv.months(), false);
      out.writeVarLong(iv.days(), false);
      writeDecimal(out, iv.seconds());
    } else if (v instanceof ArrayValue a) {
      out.writeByte(ValueKind.ARRAY.tag());
      out.writeByte(a.elementKind().tag());
      out.writeVarInt(a.dimensions(), true);
      for (int d = 0; d < a.dimensions(); d++) {
        out.writeVarInt(a.lowerBounds()[d], false);
        out.writeVarInt(a.lengths()[d], true);
      }
      for (Object e : a.elements()) {
        write(out, e);
      }
    } else if (v instanceof Double f) {
      out.writeByte(ValueKind.FLOAT.tag());
      out.writeLong(Double.doubleToRawLongBits(f));
    } else if (v instanceof String s) {
      out.writeByte(ValueKind.TEXT.tag());
      out.writeString(s);
    } else if (v instanceof byte[] b) {
      out.writeByte(ValueKind.BYTES.tag());
      out.writeVarInt(b.length, true);
      out.writeBytes(b);
    } else if (v instanceof LocalDateTime t) {
      out.writeByte(ValueKind.DATETIME.tag());
      out.writeVarLong(t.toEpochSecond(ZoneOffset.UTC), false);
      out.writeVarInt(t.getNano(), true);
    } else if (v instanceof OffsetDateTime t) {
      out.writeByte(ValueKind.DATETIME_TZ.tag());
      out.writeVarLong(t.toEpochSecond(), false);
      out.writeVarInt(t.getNano(), true);
      out.writeVarInt(t.getOffset().getTotalSeconds(), false);
    } else if (v instanceof Boolean b) {
      out.writeByte(ValueKind.BOOLEAN.tag());
      out.writeBoolean(b);
    } else {
      throw new KryoException("value type " + v.getClass().getName() + " cannot be checkpointed");
    }
  }

  public static Object read(Input in) {
    byte tag = in.readByte();
    if (tag == 0) {
      return null;
    }
    if (tag == SPECIAL_NUMBER_TAG) {
      String name = in.readString();
      try {
        return SpecialNumber.valueOf(name);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new KryoException("unknown special number " + name);
      }
    }
    ValueKind kind;
    try {
      kind = ValueKind.ofTag((char) tag);
    } catch (IllegalArgumentException e) {
      throw new KryoException("unknown value tag " + tag);
    }
    return switch (kind) {
      case NUMBER -> readDecimal(in);
      case FLOAT -> Double.longBitsToDouble(in.readLong());
      case TEXT -> in.readString();
      case BYTES -> {
        int len = in.readVarInt(true);
        if (len < 0) {
          throw new KryoException("negative byte length");
        }
        yield in.readBytes(len);
      }
      case DATETIME -> LocalDateTime.ofEpochSecond(in.readVarLong(false), in.readVarInt(true), ZoneOffset.UTC);
      case DATETIME_TZ -> {
        long sec = in.readVarLong(false);
        int nano = in.readVarInt(true);
        ZoneOffset off = ZoneOffset.ofTotalSeconds(in.readVarInt(false));
        yield OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(sec, nano), off);
      }
      case BOOLEAN -> in.readBoolean();
      case INTERVAL -> new Interval(in.readVarLong(false), in.readVarLong(false), readDecimal(in));
      case ARRAY -> readArray(in);
    };
  }

  /** An array: element kind, dimensions (lower bound, length), then its elements as values of their own. */
  private static ArrayValue readArray(Input in) {
    ValueKind elementKind;
    try {
      elementKind = ValueKind.ofTag((char) in.readByte());
    } catch (IllegalArgumentException e) {
      throw new KryoException("unknown array element tag");
    }
    int dims = in.readVarInt(true);
    if (dims < 0 || dims > 64) {
      throw new KryoException("implausible array dimensions " + dims);
    }
    int[] lb = new int[dims];
    int[] len = new int[dims];
    long n = dims == 0 ? 0 : 1;
    for (int d = 0; d < dims; d++) {
      lb[d] = in.readVarInt(false);
      len[d] = in.readVarInt(true);
      n *= len[d];
      if (len[d] < 1 || n > Integer.MAX_VALUE) {
        throw new KryoException("implausible array length " + len[d]);
      }
    }
    java.util.List<Object> elements = new java.util.ArrayList<>((int) Math.min(n, 1 << 16));
    for (long i = 0; i < n; i++) {
      Object e = read(in);
      if (e != null && kindOf(e) != elementKind) {
        throw new KryoException("an array of " + elementKind + " holds a " + kindOf(e));
      }
      elements.add(e);
    }
    try {
      return new ArrayValue(elementKind, lb, len, elements);
    } catch (IllegalArgumentException e) {
      throw new KryoException("damaged array: " + e.getMessage());
    }
  }

  private static void writeDecimal(Output out, BigDecimal d) {
    byte[] unscaled = d.unscaledValue().toByteArray();
    out.writeVarInt(unscaled.length, true);
    out.writeBytes(unscaled);
    out.writeVarInt(d.scale(), false);
  }

  private static BigDecimal readDecimal(Input in) {
    int len = in.readVarInt(true);
    if (len <= 0 || len > 4096) {
      throw new KryoException("implausible number length " + len);
    }
    BigInteger unscaled = new BigInteger(in.readBytes(len));
    return new BigDecimal(unscaled, in.readVarInt(false));
  }
}
