package io.dbcompare.jdbc;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.NativeColumn;
import io.dbcompare.dialect.PushdownSql;
import io.dbcompare.vendor.DatabaseTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queries of hash push-down for one table and side: the encoded row, the chunk checksum (count and
 * sums of 64-bit hash slices: sums, never XOR, so identical rows cannot cancel out), the key + hash
 * stream, and a sample that checks the database's encoding against the Java reference. Every query
 * reads the side's table at its read point ({@link RangeSql#from}).
 */
public final class PushdownQueries {
  private final TableSpec t;
  private final Side side;
  private final Dialect d;
  private final PushdownSql p;
  private final boolean nativeHash;
  /** Per column: the canonical text expression over the table's column (or its whole piece). */
  private final List<String> texts;
  /** Per column: whether {@link #texts} holds the whole encoded piece already. */
  private final List<Boolean> whole;
  /** The compared text columns (quoted), where a sample looks for non-ASCII values. */
  private final List<String> textColumns;
  /** Whether the row's native text is hashed (one whole text) instead of the canonical encoding. */
  private final boolean nativeRow;
  /**
   * With {@link #nativeRow}: the native text of the key columns alone, whose hash picks a row's bucket
   * ({@link #bucketChecksums}); {@link #texts} then holds only the whole row's text. Null otherwise.
   */
  private final String nativeKeyText;
  /**
   * With {@link #nativeRow}: whether {@link #texts} and {@link #nativeKeyText} are already 64-bit hashes
   * ({@link PushdownSql#nativeValueHash}), taken as they are, instead of texts to hash.
   */
  private final boolean valueHashed;

  private PushdownQueries(TableSpec t, Side side, Dialect d, PushdownSql p, boolean nativeHash, List<String> texts,
      List<Boolean> whole, List<String> textColumns, boolean nativeRow, String nativeKeyText, boolean valueHashed) {
    this.valueHashed = valueHashed;
    this.nativeRow = nativeRow;
    this.nativeKeyText = nativeKeyText;
    this.t = t;
    this.side = side;
    this.d = d;
    this.p = p;
    this.nativeHash = nativeHash;
    this.texts = texts;
    this.whole = whole;
    this.textColumns = textColumns;
  }

  /**
   * The queries, or the first column that this database cannot encode (as a reason text).
   *
   * @param facts the side's database (its character set decides whether text can be pushed down)
   */
  public static Result of(TableSpec t, Side side, Dialect d, boolean nativeHash, DatabaseFacts facts) {
    return of(t, side, d, nativeHash, facts, false);
  }

  /**
   * @param nativeRow hash the row's native text ({@link PushdownSql#nativeRowText}) instead of the
   *     canonical encoding: only where {@link NativeRowHash#blocker} allowed it for both sides
   */
  public static Result of(TableSpec t, Side side, Dialect d, boolean nativeHash, DatabaseFacts facts,
      boolean nativeRow) {
    PushdownSql p = DatabaseTypes.of(d.platform()).pushdownSql();
    if (nativeRow) {
      List<NativeColumn> cols = new ArrayList<>();
      for (ColumnSpec c : t.columns()) {
        cols.add(new NativeColumn(d.quote(RangeSql.name(c, side)), c.kind(), c.type(side), c.size(side)));
      }
      Optional<String> valueHash = p.nativeValueHash(cols);
      if (valueHash.isPresent()) {
        // the key's values hashed alike pick a row's bucket (equal keys, equal hashes, on both sides)
        String key = t.keyCount() == 0 ? null : p.nativeValueHash(cols.subList(0, t.keyCount())).orElseThrow();
        return new Result(new PushdownQueries(t, side, d, p, true, List.of(valueHash.get()), List.of(true), List.of(),
            true, key, true), null);
      }
      String row = p.nativeRowText(cols, inexactMarker(side))
          .orElseThrow(() -> new IllegalStateException("no native row text"));
      // the key's own text, for the bucket of a row: the same key prints alike on both sides (same
      // platform, same types, pinned settings); where it would not (another scale), the row falls into
      // other buckets on each side, both buckets are read, and the merge by key still pairs it
      String key = t.keyCount() == 0 ? null : p.nativeRowText(cols.subList(0, t.keyCount()), inexactMarker(side))
          .orElseThrow(() -> new IllegalStateException("no native key text"));
      return new Result(new PushdownQueries(t, side, d, p, nativeHash && p.hasNativeHash(), List.of(row), List.of(true),
          List.of(), true, key, false), null);
    }
    List<String> texts = new ArrayList<>();
    List<Boolean> whole = new ArrayList<>();
    List<String> textColumns = new ArrayList<>();
    for (ColumnSpec c : t.columns()) {
      String type = c.type(side);
      String col = d.quote(RangeSql.name(c, side));
      Optional<String> blocker = p.encodingBlocker(facts, c.kind(), type);
      if (blocker.isPresent()) {
        return new Result(null, "column " + c.name() + " (" + type + ") is hashed in Java: " + blocker.get());
      }
      Optional<String> piece = p.wholePiece(col, c.kind(), type);
      Optional<String> e = piece.isPresent() ? piece : p.canonicalText(col, c.kind(), type, t.emptyStringIsNull());
      if (e.isEmpty()) {
        return new Result(null, "column " + c.name() + " (" + type + ") cannot be hashed in " + d.platform().name()
            + " SQL exactly");
      }
      Optional<String> inexact = p.inexactCondition(col, c.kind(), type, c.size(side));
      texts.add(inexact.map(cond -> "CASE WHEN " + cond + " THEN '" + inexactMarker(side) + "' ELSE " + e.get() + " END")
          .orElse(e.get()));
      whole.add(piece.isPresent());
      if (c.kind() == ValueKind.TEXT) {
        textColumns.add(col);
      }
    }
    return new Result(new PushdownQueries(t, side, d, p, nativeHash && p.hasNativeHash(), texts, whole, textColumns,
        false, null, false), null);
  }

  /**
   * What a side encodes instead of a value whose SQL text would not be exact (Oracle's scientific TM9):
   * no canonical text contains it, and the two sides' markers differ, so such a row never matches by
   * hash; it is then read in full and compared in Java (no false match, no false difference).
   */
  static String inexactMarker(Side side) {
    return "!inexact:" + side.label();
  }

  /** Either the queries or why push-down is not possible. */
  public record Result(PushdownQueries queries, String blocker) {}

  /** The per-row hash, for the report: SHA-256 (the standard digest) or the native hash function's name. */
  public String rowHashFunction() {
    if (valueHashed) {
      return p.nativeValueHashName();
    }
    if (!nativeHash) {
      return "SHA-256";
    }
    String h = p.rowHash("x", true);
    return h.substring(0, h.indexOf('('));
  }

  public int sliceCount() {
    return p.slices("CMP_H", nativeHash).size();
  }

  /** Whether the checksum counts negative slices after each sum (see {@link PushdownSql#signedSlices}). */
  public boolean signedSlices() {
    return p.signedSlices();
  }

  /** Whether each row's values are hashed by their types' own hash functions ({@link PushdownSql#nativeValueHash}). */
  public boolean valueHashed() {
    return valueHashed;
  }

  /** The hash of an encoded row: {@link PushdownSql#rowHash}, or the row's value hash as it is. */
  private String rowHash(String encoded) {
    return valueHashed ? encoded : p.rowHash(encoded, nativeHash);
  }

  /** The hash of an encoded key: {@link PushdownSql#keyHash}, or the key's value hash as it is. */
  private String keyHash(String encodedKey) {
    return valueHashed ? encodedKey : p.keyHash(encodedKey, nativeHash);
  }

  /** Whether the row's native text is hashed: a sample then shows that text, not the canonical encoding. */
  public boolean nativeRow() {
    return nativeRow;
  }

  /** Whether the table has text columns (whose sample must include non-ASCII rows, where any exist). */
  public boolean hasText() {
    return !textColumns.isEmpty();
  }

  private List<String> keyColumns() {
    List<String> keys = new ArrayList<>();
    for (ColumnSpec c : t.keyColumns()) {
      keys.add(d.quote(RangeSql.name(c, side)));
    }
    return keys;
  }

  /**
   * {@code SELECT [extra columns,] text AS CMP_T0, ... FROM table WHERE range [AND condition]}: every
   * canonical text is computed once per row, in a subquery fenced off from the expressions that use it.
   */
  private String texts(List<String> extra, ChunkBounds b, List<Object> binds, String condition) {
    List<String> cols = new ArrayList<>(extra);
    for (int i = 0; i < texts.size(); i++) {
      cols.add(texts.get(i) + " AS CMP_T" + i);
    }
    String from = RangeSql.from(t, side, d, null, binds);
    String where = RangeSql.where(t, side, d, b, binds);
    if (condition != null) {
      where = where.isEmpty() ? " WHERE " + condition : where + " AND " + condition;
    }
    return "SELECT " + p.viewHint() + String.join(", ", cols) + " FROM " + from + where;
  }

  /** The encoded row over the CMP_T columns of {@link #texts}. */
  private String encoded() {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      pieces.add(whole.get(i) ? "CMP_T" + i : p.piece("CMP_T" + i));
    }
    return p.concat(pieces);
  }

  /**
   * {@code COUNT(*)}, then per slice {@code SUM(slice)} and, where slices may be negative, the count of
   * negative slices.
   */
  public RangeSql.Query checksum(ChunkBounds b) {
    List<Object> binds = new ArrayList<>();
    return new RangeSql.Query(aggregate(hashedRows(b, binds), null, null), binds);
  }

  /**
   * The checksums of several consecutive chunks in one round trip: {@code CMP_C, COUNT(*), sums ...} per
   * chunk, {@code CMP_C} the chunk's position in the list, one {@code UNION ALL} branch per chunk, each
   * the chunk's own checksum query ({@link #checksum}) over its own key range. Each branch reads its range
   * through the key's index exactly as a single chunk does; nothing is computed per row to find its
   * chunk (a CASE over the chunks' bounds, per row, cost as much as hashing a short row). Every branch
   * returns a row, an empty chunk count 0 and no sums.
   */
  public RangeSql.Query chunkChecksums(List<ChunkBounds> chunks) {
    List<Object> binds = new ArrayList<>();
    List<String> branches = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      String one = aggregate(hashedRows(chunks.get(i), binds), null, null);
      branches.add("SELECT " + i + " AS CMP_C, " + one.substring("SELECT ".length()));
    }
    return new RangeSql.Query(String.join(" UNION ALL ", branches), binds);
  }

  /** {@code SELECT CMP_H FROM (texts of the range)}: each row's hash, computed once per row. */
  private String hashedRows(ChunkBounds b, List<Object> binds) {
    return "SELECT " + p.viewHint() + rowHash(encoded()) + " AS CMP_H FROM ("
        + texts(List.of(), b, binds, null) + p.innerFence() + ") CMP_X" + p.innerFence();
  }

  /**
   * One checksum per bucket of the range: {@code CMP_K, COUNT(*), sums ... GROUP BY CMP_K}, where
   * {@code CMP_K} is the bucket of the row's key ({@link PushdownSql#bucket} of the key's hash), 0 to
   * {@code buckets - 1}. A bucket without rows has no row in the result.
   */
  public RangeSql.Query bucketChecksums(ChunkBounds b, int buckets) {
    return bucketChecksums(b, buckets, null);
  }

  /**
   * The per-bucket checksums over {@code buckets} buckets of only the rows whose key falls into one of
   * {@code within} of {@code coarser} buckets (the second level of a bucket pass): the coarse bucket is
   * tested in the innermost WHERE, so the rows of other buckets cost only their key's hash.
   */
  public RangeSql.Query bucketChecksums(ChunkBounds b, int buckets, int coarser, List<Integer> within) {
    if (buckets % coarser != 0) {
      throw new IllegalArgumentException(coarser + " buckets do not divide " + buckets);
    }
    return bucketChecksums(b, buckets, inBuckets(coarser, within));
  }

  private RangeSql.Query bucketChecksums(ChunkBounds b, int buckets, String condition) {
    List<Object> binds = new ArrayList<>();
    String hashed = "SELECT " + p.viewHint() + rowHash(encoded()) + " AS CMP_H, "
        + keyHash(encodedKey(false)) + " AS CMP_KH FROM ("
        + texts(nativeRow ? List.of(nativeKeyText + " AS CMP_KT") : List.of(), b, binds, condition)
        + p.innerFence() + ") CMP_X" + p.innerFence();
    String bucket = p.bucket(p.slices("CMP_KH", nativeHash).get(0), buckets);
    return new RangeSql.Query(aggregate(hashed, bucket, "CMP_K"), binds);
  }

  /**
   * {@code SELECT [group,] COUNT(*), sums FROM (SELECT [group AS name,] slices FROM (hashed)) GROUP BY
   * name}: the checksum of {@code hashed}'s rows (column CMP_H), per group when a group is given.
   */
  private String aggregate(String hashed, String group, String groupName) {
    List<String> slices = p.slices("CMP_H", nativeHash);
    List<String> named = new ArrayList<>();
    List<String> sums = new ArrayList<>();
    if (group != null) {
      named.add(group.equals(groupName) ? group : group + " AS " + groupName);
    }
    for (int i = 0; i < slices.size(); i++) {
      named.add(slices.get(i) + " AS CMP_S" + i);
      sums.add("SUM(CMP_S" + i + ")");
      if (p.signedSlices()) {
        sums.add("SUM(CASE WHEN CMP_S" + i + " < 0 THEN 1 ELSE 0 END)");
      }
    }
    return "SELECT " + (group == null ? "" : groupName + ", ") + "COUNT(*), " + String.join(", ", sums)
        + " FROM (SELECT " + String.join(", ", named) + " FROM (" + hashed + ") CMP_A) CMP_B"
        + (group == null ? "" : " GROUP BY " + groupName);
  }

  /**
   * The encoded key: the pieces of the key columns, over the CMP_T columns of {@link #texts} or, with
   * {@code raw}, over the canonical expressions themselves (for a condition in the innermost WHERE).
   */
  private String encodedKey(boolean raw) {
    if (nativeRow) {
      return raw ? nativeKeyText : "CMP_KT";
    }
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < t.keyCount(); i++) {
      String text = raw ? texts.get(i) : "CMP_T" + i;
      pieces.add(whole.get(i) ? text : p.piece(text));
    }
    return p.concat(pieces);
  }

  /** Key columns and hash slices of every row in the range, in key order. */
  public RangeSql.Query hashes(ChunkBounds b) {
    return hashes(b, null);
  }

  /**
   * Key columns and hash slices of the rows of the range whose key falls into one of the given buckets
   * (of {@code buckets}, as in {@link #bucketChecksums}), in key order. The bucket is computed before
   * the row's text, so the rows of other buckets cost only their key's hash.
   */
  public RangeSql.Query hashesInBuckets(ChunkBounds b, int buckets, List<Integer> wanted) {
    return hashes(b, inBuckets(buckets, wanted));
  }

  /** {@code <bucket of the row's key among buckets> IN (wanted...)}, over the table's own columns. */
  private String inBuckets(int buckets, List<Integer> wanted) {
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException("no bucket wanted");
    }
    List<String> numbers = new ArrayList<>();
    for (int w : wanted) {
      if (w < 0 || w >= buckets) {
        throw new IllegalArgumentException("bucket " + w + " is not one of " + buckets);
      }
      numbers.add(String.valueOf(w));
    }
    String bucket = p.bucket(p.slices(keyHash(encodedKey(true)), nativeHash).get(0), buckets);
    return bucket + " IN (" + String.join(", ", numbers) + ")";
  }

  private RangeSql.Query hashes(ChunkBounds b, String condition) {
    List<Object> binds = new ArrayList<>();
    List<String> keys = keyColumns();
    String hashed = "SELECT " + p.viewHint() + String.join(", ", keys) + ", " + rowHash(encoded())
        + " AS CMP_H FROM (" + texts(keys, b, binds, condition) + p.innerFence() + ") CMP_X" + p.innerFence();
    List<String> order = RangeSql.keyExpressions(t, side, d, "CMP_A.");
    String sql = "SELECT " + String.join(", ", prefixed(keys)) + ", " + String.join(", ", p.slices("CMP_H", nativeHash))
        + " FROM (" + hashed + ") CMP_A ORDER BY " + String.join(", ", order);
    return new RangeSql.Query(sql, binds);
  }

  /** All compared columns plus the database's encoding of the row, for the first rows of a range. */
  public RangeSql.Query sample(ChunkBounds b, int rows) {
    return sample(b, rows, false);
  }

  /**
   * The same for the first rows of a range that have a non-ASCII character in a text column (none when
   * the table has no text column): ASCII text encodes alike in every character set, so a sample of
   * ASCII rows could hide an encoding that differs.
   */
  public RangeSql.Query nonAsciiSample(ChunkBounds b, int rows) {
    return sample(b, rows, true);
  }

  private RangeSql.Query sample(ChunkBounds b, int rows, boolean nonAscii) {
    List<Object> binds = new ArrayList<>();
    List<String> cols = new ArrayList<>();
    for (ColumnSpec c : t.columns()) {
      cols.add(d.quote(RangeSql.name(c, side)));
    }
    List<String> order = RangeSql.keyExpressions(t, side, d, "CMP_X.");
    String sql = "SELECT " + String.join(", ", prefixedWith("CMP_X.", cols)) + ", " + encoded() + " AS CMP_E FROM ("
        + texts(cols, b, binds, nonAscii ? nonAsciiCondition() : null) + " ORDER BY " + String.join(", ", RangeSql.keyExpressions(t, side, d))
        + " FETCH FIRST " + rows + " ROWS ONLY) CMP_X ORDER BY " + String.join(", ", order);
    return new RangeSql.Query(sql, binds);
  }

  private String nonAsciiCondition() {
    if (textColumns.isEmpty()) {
      return "1 = 0";
    }
    List<String> any = new ArrayList<>();
    for (String c : textColumns) {
      any.add(p.nonAscii(c));
    }
    return "(" + String.join(" OR ", any) + ")";
  }

  private static List<String> prefixedWith(String prefix, List<String> cols) {
    List<String> out = new ArrayList<>();
    for (String c : cols) {
      out.add(prefix + c);
    }
    return out;
  }

  private static List<String> prefixed(List<String> cols) {
    List<String> out = new ArrayList<>();
    for (String c : cols) {
      out.add("CMP_A." + c);
    }
    return out;
  }
}
