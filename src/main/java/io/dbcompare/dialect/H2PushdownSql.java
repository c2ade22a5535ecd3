package io.dbcompare.dialect;

import io.dbcompare.compare.ValueKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** H2 2.x in Oracle mode. */
public final class H2PushdownSql implements PushdownSql {

  @Override
  public Optional<String> canonicalText(String c, ValueKind kind, String typeName, boolean emptyIsNull) {
    String type = typeName.toUpperCase(Locale.ROOT);
    boolean lob = type.contains("LARGE OBJECT") || type.equals("CLOB") || type.equals("BLOB");
    return Optional.ofNullable(switch (kind) {
      // plain decimal text with the trailing zeros of the fraction (and a bare '.') removed
      case NUMBER -> "REGEXP_REPLACE(REGEXP_REPLACE(CAST(" + c + " AS VARCHAR), '(\\.[0-9]*?)0+$', '\\1'), '\\.$', '')";
      case TEXT -> lob || type.equals("JSON") ? null : emptyIsNull ? "NULLIF(" + c + ", '')" : c;
      case BYTES -> lob ? null : "LOWER(RAWTOHEX(" + c + "))";
      case DATETIME -> "TO_CHAR(" + c + ", 'YYYY-MM-DD HH24:MI:SS.FF9')";
      case BOOLEAN -> "CASE WHEN " + c + " THEN '1' WHEN NOT " + c + " THEN '0' END";
      case FLOAT, DATETIME_TZ, INTERVAL, ARRAY -> null;
    });
  }

  @Override
  public Optional<String> encodingBlocker(DatabaseFacts facts, ValueKind kind, String typeName) {
    return kind == ValueKind.INTERVAL ? Optional.of("H2 intervals are compared field by field in Java")
        : Optional.empty();
  }

  /**
   * Oracle mode turns the empty text of a zero-length binary into NULL, so a zero-length RAW would
   * encode like NULL; the piece is built from the column, with the length from its bytes.
   */
  @Override
  public Optional<String> wholePiece(String c, ValueKind kind, String typeName) {
    if (kind != ValueKind.BYTES) {
      return Optional.empty();
    }
    return canonicalText(c, kind, typeName, false).map(hex -> "CASE WHEN " + c + " IS NULL THEN 'N' ELSE 'V' || (2 * "
        + "OCTET_LENGTH(" + c + ")) || ':' || " + hex + " END");
  }

  @Override
  public String nonAscii(String c) {
    return "OCTET_LENGTH(" + c + ") <> CHAR_LENGTH(" + c + ")";
  }

  @Override
  public String utf8Length(String text) {
    return "OCTET_LENGTH(" + text + ")";
  }

  @Override
  public String rowHash(String encoded, boolean nativeHash) {
    return "HASH('SHA-256', STRINGTOUTF8(" + encoded + "))";
  }

  @Override
  public List<String> slices(String h, boolean nativeHash) {
    return List.of("CAST(SUBSTRING(" + h + " FROM 1 FOR 8) AS BIGINT)", "CAST(SUBSTRING(" + h + " FROM 9 FOR 8) AS BIGINT)");
  }

  @Override
  public boolean hasNativeHash() {
    return false;
  }
}
