package io.dbcompare.dialect;

import io.dbcompare.compare.ValueKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Oracle 12c+: STANDARD_HASH over the encoded row. Its input is a VARCHAR2, limited to 4,000 bytes
 * (32,767 with MAX_STRING_SIZE=EXTENDED): wider rows fail with ORA-01489 and the table falls back to
 * Java hashing. LOB columns are never pushed down (STANDARD_HASH rejects them). In Oracle {@code NULL ||
 * 'x'} is {@code 'x'}, so every text expression keeps NULL by itself (format masks, no concatenation).
 */
public final class OraclePushdownSql implements PushdownSql {

  @Override
  public Optional<String> canonicalText(String c, ValueKind kind, String typeName, boolean emptyIsNull) {
    String type = typeName.toUpperCase(Locale.ROOT);
    return Optional.ofNullable(switch (kind) {
      // TM9 prints the shortest form without trailing zeros but drops the leading zero (.5): put it back
      case NUMBER -> "REGEXP_REPLACE(TO_CHAR(" + c + ", 'TM9'), '^(-?)\\.', '\\10.')";
      // NVARCHAR2/NCHAR lengths would be counted in the national character set: not pushed down
      case TEXT -> type.equals("VARCHAR2") || type.equals("CHAR") || type.equals("VARCHAR") ? c : null;
      case BYTES -> type.equals("RAW") ? "LOWER(RAWTOHEX(" + c + "))" : null;
      case DATETIME -> "TO_CHAR(CAST(" + c + " AS TIMESTAMP(9)), 'YYYY-MM-DD HH24:MI:SS.FF9')";
      case DATETIME_TZ -> "TO_CHAR(SYS_EXTRACT_UTC(" + c + "), 'YYYY-MM-DD HH24:MI:SS.FF9\"Z\"')";
      case FLOAT, BOOLEAN -> null;
    });
  }

  @Override
  public String utf8Length(String text) {
    return "LENGTHB(" + text + ")";
  }

  @Override
  public String rowHash(String encoded, boolean nativeHash) {
    return "STANDARD_HASH(" + encoded + ", 'SHA256')";
  }

  /** Unsigned 64-bit slices of the RAW digest. */
  @Override
  public List<String> slices(String h, boolean nativeHash) {
    return List.of("TO_NUMBER(SUBSTR(RAWTOHEX(" + h + "), 1, 16), 'XXXXXXXXXXXXXXXX')",
        "TO_NUMBER(SUBSTR(RAWTOHEX(" + h + "), 17, 16), 'XXXXXXXXXXXXXXXX')");
  }

  @Override
  public boolean hasNativeHash() {
    return false;
  }
}
