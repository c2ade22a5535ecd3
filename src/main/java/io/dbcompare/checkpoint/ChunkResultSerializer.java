package io.dbcompare.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.ValueKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link ChunkResult} field by field. Every value carries its kind's tag and is written in a
 * lossless form: NUMBER as unscaled integer and scale, date-times as epoch seconds plus nanoseconds
 * (Kryo's default serializers for JDBC types drop nanoseconds, so none of them is ever used here).
 */
final class ChunkResultSerializer extends Serializer<ChunkResult> {

  @Override
  public void write(Kryo kryo, Output out, ChunkResult r) {
    out.writeString(r.tableKey());
    out.writeVarInt(r.chunkIndex(), true);
    out.writeVarLong(r.sourceRows(), true);
    out.writeVarLong(r.targetRows(), true);
    out.writeVarLong(r.missingInTarget(), true);
    out.writeVarLong(r.missingInSource(), true);
    out.writeVarLong(r.different(), true);
    out.writeVarInt(r.diffs().size(), true);
    for (RowDiff d : r.diffs()) {
      out.writeByte(d.kind().ordinal());
      writeValues(out, d.key());
      writeValues(out, d.sourceValues());
      writeValues(out, d.targetValues());
    }
  }

  @Override
  public ChunkResult read(Kryo kryo, Input in, Class<? extends ChunkResult> type) {
    String table = in.readString();
    int index = in.readVarInt(true);
    long sourceRows = in.readVarLong(true);
    long targetRows = in.readVarLong(true);
    long mit = in.readVarLong(true);
    long mis = in.readVarLong(true);
    long diff = in.readVarLong(true);
    int n = in.readVarInt(true);
    if (n < 0 || n > 100_000_000) {
      throw new KryoException("implausible difference count " + n);
    }
    List<RowDiff> diffs = new ArrayList<>(Math.min(n, 1 << 16));
    RowDiff.DiffKind[] kinds = RowDiff.DiffKind.values();
    for (int i = 0; i < n; i++) {
      int k = in.readByte();
      if (k < 0 || k >= kinds.length) {
        throw new KryoException("unknown difference kind " + k);
      }
      diffs.add(new RowDiff(kinds[k], readValues(in), readValues(in), readValues(in)));
    }
    return new ChunkResult(table, index, sourceRows, targetRows, mit, mis, diff, diffs);
  }

  private static void writeValues(Output out, Object[] values) {
    if (values == null) {
      out.writeVarInt(0, true);
      return;
    }
    out.writeVarInt(values.length + 1, true);
    for (Object v : values) {
      writeValue(out, v);
    }
  }

  private static Object[] readValues(Input in) {
    int n = in.readVarInt(true);
    if (n == 0) {
      return null;
    }
    Object[] values = new Object[n - 1];
    for (int i = 0; i < values.length; i++) {
      values[i] = readValue(in);
    }
    return values;
  }

  static void writeValue(Output out, Object v) {
    if (v == null) {
      out.writeByte(0);
    } else if (v instanceof BigDecimal d) {
      out.writeByte(ValueKind.NUMBER.tag());
      byte[] unscaled = d.unscaledValue().toByteArray();
      out.writeVarInt(unscaled.length, true);
      out.writeBytes(unscaled);
      out.writeVarInt(d.scale(), false);
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

  static Object readValue(Input in) {
    byte tag = in.readByte();
    if (tag == 0) {
      return null;
    }
    ValueKind kind;
    try {
      kind = ValueKind.ofTag((char) tag);
    } catch (IllegalArgumentException e) {
      throw new KryoException("unknown value tag " + tag);
    }
    return switch (kind) {
      case NUMBER -> {
        int len = in.readVarInt(true);
        if (len <= 0 || len > 4096) {
          throw new KryoException("implausible number length " + len);
        }
        BigInteger unscaled = new BigInteger(in.readBytes(len));
        yield new BigDecimal(unscaled, in.readVarInt(false));
      }
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
    };
  }
}
