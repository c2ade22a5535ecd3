package io.dbcompare.compare;

import java.util.List;

/** The database side of hash push-down (implemented over JDBC). */
public interface HashPushdown {
  /** Null when both sides can hash the table's rows in SQL; otherwise why not (reported). */
  String blocker(TableSpec table);

  /**
   * Reads sample rows of a side with both their values and the database's encoding of them, and
   * compares the encoding with the Java reference. Null when they agree; otherwise what differs.
   */
  String verify(TableSpec table, Side side, ChunkBounds range);

  /**
   * What the databases hash per row of a table that is pushed down, for the report (the canonical
   * encoding, or each row's own text and why not); null where there is nothing to say.
   */
  default String hashing(TableSpec table) {
    return null;
  }

  Checksum checksum(TableSpec table, Side side, ChunkBounds range);

  /**
   * The checksums of consecutive planned chunks of a side in one query (element i for chunk i of the
   * list): the same values as {@link #checksum} of each chunk.
   */
  List<Checksum> checksums(TableSpec table, Side side, List<ChunkBounds> consecutive);

  /**
   * Per bucket of the range (element b for bucket b, {@code buckets} a power of two) the checksum of the
   * rows whose key hashes into it; both sides put a key into the same bucket.
   */
  List<Checksum> bucketChecksums(TableSpec table, Side side, ChunkBounds range, int buckets);

  /**
   * The same over {@code buckets} finer buckets, counting only the rows whose bucket among {@code coarser}
   * buckets (which divides {@code buckets}: the same key hash, fewer of its low bits) is one of
   * {@code within}: fine bucket f lies in coarse bucket {@code f mod coarser}. The second level of a
   * bucket pass.
   */
  List<Checksum> bucketChecksums(TableSpec table, Side side, ChunkBounds range, int buckets, int coarser,
      List<Integer> within);

  /** Key and hash of the range's rows whose key falls into one of {@code wanted} buckets, in key order. */
  RowCursor openHashes(TableSpec table, Side side, ChunkBounds range, int buckets, List<Integer> wanted);

  /** Key and hash of every row of the range in key order; {@link Row#values()} holds only the key. */
  RowCursor openHashes(TableSpec table, Side side, ChunkBounds range);

  /** The full rows of the given keys (those present) inside the range, in key order. */
  List<Row> fetchRows(TableSpec table, Side side, ChunkBounds range, List<Object[]> keys);

  /** Every {@code step}-th source key inside the range, ascending. */
  List<Object[]> split(TableSpec table, ChunkBounds range, int step);
}
