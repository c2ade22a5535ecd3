package io.dbcompare.compare;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Hashes a row's canonical encoding with SHA-256 and keeps 128 bits: a missed difference between two
 * rows with the same key needs a 128-bit collision (probability about 2^-128 per row pair).
 */
public final class RowHasher {
  private final List<ValueKind> kinds;

  public RowHasher(List<ValueKind> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  /** The canonical encoding of all values of a row, in column order. */
  public String encode(Object[] values) {
    StringBuilder sb = new StringBuilder(64);
    for (int i = 0; i < values.length; i++) {
      Canonical.appendEncoded(sb, kinds.get(i), values[i]);
    }
    return sb.toString();
  }

  public RowHash hash(Object[] values) {
    HashCode h = Hashing.sha256().hashString(encode(values), StandardCharsets.UTF_8);
    byte[] b = h.asBytes();
    return new RowHash(toLong(b, 0), toLong(b, 8));
  }

  private static long toLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }

  /** 128 bits of a row's SHA-256. */
  public record RowHash(long hi, long lo) {}
}
