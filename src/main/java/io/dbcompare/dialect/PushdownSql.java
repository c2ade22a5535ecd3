package io.dbcompare.dialect;

import io.dbcompare.compare.DeclaredSize;
import io.dbcompare.compare.ValueKind;
import java.util.List;
import java.util.Optional;

/**
 * Hash push-down: SQL that makes the database compute, per row, the canonical encoding of
 * {@link io.dbcompare.compare.Canonical#appendEncoded} and a hash of it, so that only counts and sums
 * (or keys and hashes) cross the network. One implementation per platform.
 *
 * <p>The encoding must be byte-for-byte the Java reference; the comparison checks that on sample rows
 * of every table before relying on it, and falls back to hashing in Java where it differs. Each
 * platform's vendor object ({@code io.dbcompare.vendor.DatabaseType#pushdownSql}) gives its implementation.
 */
public interface PushdownSql {

  /**
   * SQL giving one column's canonical text ({@link io.dbcompare.compare.Canonical#text}), NULL exactly
   * when the value counts as NULL; empty when this database cannot produce the canonical text exactly
   * (the table is then hashed in Java, and the reason is reported).
   */
  Optional<String> canonicalText(String quotedColumn, ValueKind kind, String typeName, boolean emptyIsNull);

  /**
   * A column's whole encoded piece ({@code N} or {@code V<len>:<text>}) computed from the column itself,
   * for the few types whose canonical text cannot signal NULL by being NULL; empty to use
   * {@link #canonicalText} with {@link #piece}.
   */
  default Optional<String> wholePiece(String quotedColumn, ValueKind kind, String typeName) {
    return Optional.empty();
  }

  /**
   * Why this database cannot encode a column of this kind and type exactly with its character set
   * ({@link DatabaseFacts}), or empty when it can. The reason is reported and the table is hashed in
   * Java.
   */
  default Optional<String> encodingBlocker(DatabaseFacts facts, ValueKind kind, String typeName) {
    return Optional.empty();
  }

  /**
   * A condition that holds where {@link #canonicalText} of the column would not be the exact canonical
   * text (a number whose text switches to scientific notation); empty when the text is always exact
   * for columns declared like this. Where it holds, the row's encoding is replaced by a marker that
   * never matches (so the row is read in full and compared in Java).
   */
  default Optional<String> inexactCondition(String quotedColumn, ValueKind kind, String typeName, DeclaredSize size) {
    return Optional.empty();
  }

  /** A condition that holds where a text column's value has a character outside ASCII. */
  String nonAscii(String quotedColumn);

  /**
   * A hint placed after SELECT in the views that compute each column's text and each row's hash, so that
   * each is computed once per row (Oracle merges inline views into the outer query otherwise); "" or a
   * hint with its trailing blank.
   */
  default String viewHint() {
    return "";
  }

  /**
   * Whether {@link #slices} may be negative: then the checksum also counts the negative slices of each
   * sum, to read the sums back as unsigned 64-bit totals. Unsigned slices need no count.
   */
  default boolean signedSlices() {
    return true;
  }

  /** The UTF-8 byte length of a text expression. */
  String utf8Length(String text);

  /**
   * One column's piece of the encoded row from its canonical text {@code t}: {@code N} for NULL, else
   * {@code V<utf8 length>:<text>} (see {@link io.dbcompare.compare.Canonical#appendEncoded}).
   */
  default String piece(String t) {
    return "CASE WHEN " + t + " IS NULL THEN 'N' ELSE 'V' || " + utf8Length(t) + " || ':' || " + t + " END";
  }

  /** Concatenation of the column encodings into one text. */
  default String concat(List<String> parts) {
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(" || ", parts) + ")";
  }

  /**
   * The per-row hash of an encoded row, as a column expression: a standard digest (SHA-256) that every
   * platform computes alike, or, when both sides are this platform, a faster native 64-bit hash.
   */
  String rowHash(String encoded, boolean nativeHash);

  /**
   * Expressions over the hash column {@code h} that give 64-bit slices of it as integers (signed or
   * unsigned; the reader normalises). A digest gives two slices (128 bits), a native hash one.
   */
  List<String> slices(String h, boolean nativeHash);

  /**
   * Appended to the innermost query so the hash is computed once per row even when the outer query
   * uses it twice (PostgreSQL would otherwise inline the subquery and evaluate the digest per slice).
   */
  default String innerFence() {
    return "";
  }

  /**
   * The hash of a row's encoded key ({@link #concat} of its key columns' pieces) that decides its
   * bucket in a bucket pass: the same hash as {@link #rowHash}, so both sides of a pair agree on it
   * exactly as they agree on row hashes.
   */
  default String keyHash(String encodedKey, boolean nativeHash) {
    return rowHash(encodedKey, nativeHash);
  }

  /**
   * The bucket among {@code buckets} (a power of two) of a 64-bit slice of {@link #keyHash}: its low
   * bits. A signed and an unsigned reading of the same 64 bits have the same low bits, so a key falls
   * into the same bucket on every platform. MOD keeps the dividend's sign (Oracle, PostgreSQL and H2
   * alike), so a signed slice is brought into 0..buckets-1 by a second MOD.
   */
  default String bucket(String slice, int buckets) {
    if (Integer.bitCount(buckets) != 1) {
      throw new IllegalArgumentException("buckets must be a power of two: " + buckets);
    }
    return signedSlices() ? "MOD(MOD(" + slice + ", " + buckets + ") + " + buckets + ", " + buckets + ")"
        : "MOD(" + slice + ", " + buckets + ")";
  }

  /** Whether {@link #rowHash} with nativeHash=true exists on this platform. */
  boolean hasNativeHash();

  // ----- the native row text (both sides this platform, every compared column of the same type)

  /**
   * The row's native text: the database's own text of each compared column (its output function under
   * the pinned session settings, no canonical formatting), in the given order, in one text expression
   * that is never NULL and from which every value can be read back, so that two rows with equal texts
   * hold equal values. Empty where this platform has none; it is hashed with {@link #rowHash} like the
   * canonical encoding. Used only when both sides are this platform and every compared column has the
   * same type on both sides ({@code io.dbcompare.jdbc.NativeRowHash}); a row whose texts differ is
   * read in full and confirmed with the Java reference, so equal values in different spellings (numeric
   * {@code 1.0} and {@code 1.00}) cost a confirmation and are never reported.
   *
   * @param columns the compared columns in the compared order (each allowed by {@link #nativeTextBlocker})
   * @param inexactMarker what a value whose text would not determine it is replaced by (it never matches:
   *     see {@link #inexactCondition}), where the platform has such values
   */
  default Optional<String> nativeRowText(List<NativeColumn> columns, String inexactMarker) {
    return Optional.empty();
  }

  /**
   * A 64-bit hash of the compared columns' values computed without printing them: each column hashed by
   * its type's own hash function where that function's equality is exactly the reference's (equal
   * values hash alike, different values apart but for 2^-64), by the hash of its native text
   * otherwise, each with its own seed and its own NULL marker, the columns combined and the result mixed
   * once more, so that values swapped between columns or between rows change the sums. Never NULL.
   * Empty where this platform has none; the native row text ({@link #nativeRowText}) is hashed then.
   * Same conditions as the native row text: both sides this platform, every column of the same type.
   *
   * @param columns the compared columns in the compared order (each allowed by {@link #nativeTextBlocker})
   */
  default Optional<String> nativeValueHash(List<NativeColumn> columns) {
    return Optional.empty();
  }

  /** How {@link #nativeValueHash} hashes, for the summary (the functions it calls). */
  default String nativeValueHashName() {
    return "";
  }

  /** Whether this platform has a native row text ({@link #nativeRowText}). */
  default boolean hasNativeRowText() {
    return false;
  }

  /**
   * Why a column of this kind and type cannot be in the native row text (its text might not determine
   * its value, or the type is not known to print exactly), or empty when it can.
   */
  default Optional<String> nativeTextBlocker(ValueKind kind, String typeName) {
    return Optional.of(hasNativeRowText() ? "its text is not known to determine its value"
        : "this database has no native row text");
  }

  /**
   * A query returning one row with one text column: what in a comparison session's settings would let
   * two different values print alike in the native row text (empty text or NULL when nothing); null
   * where the text depends on no session setting. Run on each side before a table uses the native text.
   */
  default String nativeSettingsCheck() {
    return null;
  }
}
