package io.dbcompare.compare;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Objects;

/**
 * A binary order of text: the byte order of the encoding a database stores a key column in, which is
 * the order its binary comparison and sort use (Oracle {@code NLS_SORT=BINARY}, PostgreSQL
 * {@code COLLATE "C"}). Three shapes occur:
 *
 * <ul>
 *   <li>{@link #CODE_POINT}: UTF-8 bytes, which is Unicode code point order (Oracle VARCHAR2 in
 *       AL32UTF8, PostgreSQL in UTF8);
 *   <li>{@link #UTF16}: UTF-16 code units, which is {@link String#compareTo} (Oracle NVARCHAR2/NCHAR in
 *       AL16UTF16, and CESU-8 "UTF8", whose surrogates sort like UTF-16's; H2): a supplementary
 *       character (surrogates D800-DFFF) sorts before U+E000..U+FFFF;
 *   <li>{@link #bytes}: the bytes of a single-byte character set (Oracle WE8MSWIN1252: {@code €} is
 *       0x80 and sorts before {@code é}, 0xE9, the reverse of their code points).
 * </ul>
 */
public final class TextOrder {
  /** UTF-8 bytes = code points. */
  public static final TextOrder CODE_POINT = new TextOrder("UTF-8 bytes (code points)", null);
  /** UTF-16 code units = {@link String#compareTo}. */
  public static final TextOrder UTF16 = new TextOrder("UTF-16 code units", null);

  private final String description;
  /** The Java charset of a byte order; null for the two Unicode orders. */
  private final Charset charset;

  private TextOrder(String description, Charset charset) {
    this.description = description;
    this.charset = charset;
  }

  /** The byte order of a single-byte character set, by its Java name (e.g. {@code windows-1252}). */
  public static TextOrder bytes(String javaCharset) {
    Charset cs = Charset.forName(javaCharset);
    return new TextOrder(cs.name() + " bytes", cs);
  }

  public String description() {
    return description;
  }

  public int compare(String a, String b) {
    if (this == UTF16) {
      return a.compareTo(b);
    }
    if (charset == null) {
      return compareCodePoints(a, b);
    }
    return Arrays.compareUnsigned(encode(a), encode(b));
  }

  /**
   * A key value the database could not have stored in this character set (or one Java maps to another
   * byte than the database might) fails loudly: guessing its place would misorder keys.
   */
  private byte[] encode(String s) {
    CharsetEncoder enc = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer b = enc.encode(CharBuffer.wrap(s));
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("key value '" + s + "' has a character that " + charset.name()
          + " cannot encode, so its binary order is unknown");
    }
  }

  /** Compares strings by code point (not by UTF-16 unit, which orders supplementary characters differently). */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextOrder t && t.description.equals(description) && Objects.equals(t.charset, charset);
  }

  @Override
  public int hashCode() {
    return description.hashCode();
  }

  @Override
  public String toString() {
    return description;
  }
}
