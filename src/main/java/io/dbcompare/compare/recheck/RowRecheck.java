package io.dbcompare.compare.recheck;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.KeyOrder;
import io.dbcompare.compare.RecheckRound;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.RowHasher;
import io.dbcompare.compare.RowHasher.RowHash;
import io.dbcompare.compare.TableSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One recheck round of one chunk: its differing rows as read again on both sides, classified by what the
 * target did since the previous read. Rows are compared with the Java reference hash of the canonical
 * encoding, as the chunk comparison confirms them (a native or push-down hash never decides here).
 *
 * <ul>
 *   <li>equal again, or gone from both sides: <b>in flight</b>, dropped;
 *   <li>still different, but the target's row (its hash, or whether it exists) changed since the previous
 *       read: <b>changing</b>, being carried by replication, dropped;
 *   <li>still different with the target as it was: kept, with the values just read (rechecked again in
 *       the next round; after the last one it is a persistent difference). Whether the source changed
 *       meanwhile does not matter: a stalled replication leaves the target still, and that must be
 *       reported.
 * </ul>
 */
final class RowRecheck {
  private RowRecheck() {}

  /**
   * @param previous the chunk's result as of the previous read (the comparison or the last round)
   * @param source the current source rows of the previous result's keys (those that exist)
   * @param target likewise on the target
   * @param readAt when the rows were read
   */
  static ChunkResult round(TableSpec table, ChunkResult previous, List<Row> source, List<Row> target, int round,
      Instant readAt) {
    KeyOrder order = table.keyOrder();
    RowHasher hasher = new RowHasher(table.kinds());
    TreeMap<Object[], Object[]> src = byKey(order, source);
    TreeMap<Object[], Object[]> tgt = byKey(order, target);
    List<RowDiff> kept = new ArrayList<>();
    long inFlight = 0;
    long changing = 0;
    long mit = 0;
    long mis = 0;
    long dif = 0;
    for (RowDiff d : previous.diffs()) {
      Object[] s = src.get(d.key());
      Object[] t = tgt.get(d.key());
      if (Objects.equals(hash(hasher, s), hash(hasher, t))) {
        inFlight++; // equal again, or absent on both sides
        continue;
      }
      if (!Objects.equals(hash(hasher, d.targetValues()), hash(hasher, t))) {
        changing++;
        continue;
      }
      DiffKind kind = s == null ? DiffKind.MISSING_IN_SOURCE : t == null ? DiffKind.MISSING_IN_TARGET : DiffKind.DIFFERENT;
      switch (kind) {
        case MISSING_IN_TARGET -> mit++;
        case MISSING_IN_SOURCE -> mis++;
        case DIFFERENT -> dif++;
      }
      kept.add(new RowDiff(kind, d.key(), s, t));
    }
    List<RecheckRound> rounds = new ArrayList<>(previous.rechecks());
    rounds.add(new RecheckRound(round, previous.diffs().size(), inFlight, changing));
    return new ChunkResult(previous.tableKey(), previous.chunkIndex(), previous.sourceRows(), previous.targetRows(),
        mit, mis, dif, kept, readAt, rounds);
  }

  /** Null for an absent row. */
  private static RowHash hash(RowHasher hasher, Object[] values) {
    return values == null ? null : hasher.hash(values);
  }

  private static TreeMap<Object[], Object[]> byKey(KeyOrder order, List<Row> rows) {
    TreeMap<Object[], Object[]> out = new TreeMap<>(order);
    for (Row r : rows) {
      out.put(r.key(), r.values());
    }
    return out;
  }
}
