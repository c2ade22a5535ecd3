package io.dbcompare.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.RecheckRound;
import io.dbcompare.compare.RowDiff;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link ChunkResult} field by field. Every value carries its kind's tag and is written in a
 * lossless form: NUMBER as unscaled integer and scale, date-times as epoch seconds plus nanoseconds
 * (Kryo's default serializers for JDBC types drop nanoseconds, so none of them is ever used here).
 *
 * <p>Format 2 adds, after the differences, when the rows were read and the recheck rounds; format 3
 * (written) has the same layout (it changes what a bucket of a table without key holds, see
 * {@link KryoCheckpointStore}); format 1 (read, from earlier versions) ends after the differences.
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
    Instant at = r.readAt();
    out.writeBoolean(at != null);
    if (at != null) {
      out.writeLong(at.getEpochSecond());
      out.writeVarInt(at.getNano(), true);
    }
    out.writeVarInt(r.rechecks().size(), true);
    for (RecheckRound round : r.rechecks()) {
      out.writeVarInt(round.round(), true);
      out.writeVarLong(round.rechecked(), true);
      out.writeVarLong(round.inFlight(), true);
      out.writeVarLong(round.changing(), true);
    }
  }

  @Override
  public ChunkResult read(Kryo kryo, Input in, Class<? extends ChunkResult> type) {
    return read(in, KryoCheckpointStore.FORMAT_VERSION);
  }

  /** Reads a result of the given format version (1 to 3). */
  static ChunkResult read(Input in, int version) {
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
    if (version < 2) {
      return new ChunkResult(table, index, sourceRows, targetRows, mit, mis, diff, diffs);
    }
    Instant readAt = null;
    if (in.readBoolean()) {
      long seconds = in.readLong();
      int nanos = in.readVarInt(true);
      readAt = Instant.ofEpochSecond(seconds, nanos);
    }
    int rounds = in.readVarInt(true);
    if (rounds < 0 || rounds > 1000) {
      throw new KryoException("implausible recheck round count " + rounds);
    }
    List<RecheckRound> rechecks = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      rechecks.add(new RecheckRound(in.readVarInt(true), in.readVarLong(true), in.readVarLong(true),
          in.readVarLong(true)));
    }
    return new ChunkResult(table, index, sourceRows, targetRows, mit, mis, diff, diffs, readAt, rechecks);
  }

  private static void writeValues(Output out, Object[] values) {
    if (values == null) {
      out.writeVarInt(0, true);
      return;
    }
    out.writeVarInt(values.length + 1, true);
    for (Object v : values) {
      ValueCodec.write(out, v);
    }
  }

  private static Object[] readValues(Input in) {
    int n = in.readVarInt(true);
    if (n == 0) {
      return null;
    }
    Object[] values = new Object[n - 1];
    for (int i = 0; i < values.length; i++) {
      values[i] = ValueCodec.read(in);
    }
    return values;
  }
}
