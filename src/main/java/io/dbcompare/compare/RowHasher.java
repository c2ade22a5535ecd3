package io.dbcompare.compare;

import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.util.List;

/**
 * The hash of a row computed in Java: MurmurHash3 (x64, 128 bits, seed 0; Guava's
 * {@link Hashing#murmur3_128()}) of the UTF-8 bytes of the row's canonical encoding ({@link #encode}).
 * Both sides of a comparison in Java are hashed here, so the function only has to be the same on both
 * sides; no database computes it. Push-down hashes (SHA-256 or a database's native hash) are computed by
 * the databases and only ever compared with each other; where a database's work is checked against
 * Java's, the encodings are compared as text ({@link #encode}), never as hashes.
 *
 * <p>MurmurHash3 is not cryptographic: there is no adversary model, and two different rows with the same
 * hash can be built on purpose. For changes not made against the function, a changed row keeps its hash
 * with a probability of about 2^-128 (see README, "Performance").
 *
 * <p>Thread-safe: the bytes of a row are written into a buffer of the calling thread.
 */
public final class RowHasher {
  private static final HashFunction FUNCTION = Hashing.murmur3_128();
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
  private final ValueKind[] kinds;

  public RowHasher(List<ValueKind> kinds) {
    this.kinds = kinds.toArray(new ValueKind[0]);
  }

  /** The canonical encoding of all values of a row, in column order. */
  public String encode(Object[] values) {
    StringBuilder sb = new StringBuilder(64);
    for (int i = 0; i < values.length; i++) {
      Canonical.appendEncoded(sb, kinds[i], values[i]);
    }
    return sb.toString();
  }

  public RowHash hash(Object[] values) {
    Scratch s = SCRATCH.get();
    CanonicalBytes row = s.row;
    row.reset();
    for (int i = 0; i < values.length; i++) {
      row.appendEncoded(kinds[i], values[i]);
    }
    return of(FUNCTION.hashBytes(row.bytes(), 0, row.length()), s.out);
  }

  /** The two halves of a 128-bit hash code: its bytes as two little-endian longs (Guava's order). */
  static RowHash of(HashCode h, byte[] out) {
    h.writeBytesTo(out, 0, 16);
    return new RowHash(littleEndian(out, 0), littleEndian(out, 8));
  }

  private static long littleEndian(byte[] b, int off) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }

  /** A thread's buffers: the row's bytes and the hash's 16 bytes. */
  private static final class Scratch {
    final CanonicalBytes row = new CanonicalBytes();
    final byte[] out = new byte[16];
  }

  /** A 128-bit row hash: {@code hi} its first 64 bits, {@code lo} the last. */
  public record RowHash(long hi, long lo) {}
}
