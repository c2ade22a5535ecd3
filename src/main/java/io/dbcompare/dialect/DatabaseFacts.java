package io.dbcompare.dialect;

/**
 * What the comparison must know about a connected database, read once per connection pool: the
 * encodings its text is stored in (they decide its binary key order and whether its push-down SQL
 * sees the UTF-8 bytes Java hashes) and its version.
 *
 * @param characterSet Oracle {@code NLS_CHARACTERSET}, PostgreSQL {@code server_encoding}; null if unknown
 * @param nationalCharacterSet Oracle {@code NLS_NCHAR_CHARACTERSET} (NVARCHAR2, NCHAR); null elsewhere
 */
public record DatabaseFacts(String characterSet, String nationalCharacterSet, int majorVersion, int minorVersion) {

  /** A UTF-8 database (Oracle AL32UTF8 with AL16UTF16 national text, PostgreSQL UTF8) of a recent version. */
  public static final DatabaseFacts UTF8 = new DatabaseFacts("UTF8", "AL16UTF16", 99, 0);
  /** An Oracle database in AL32UTF8 (national character set AL16UTF16), 19c. */
  public static final DatabaseFacts ORACLE_AL32UTF8 = new DatabaseFacts("AL32UTF8", "AL16UTF16", 19, 0);

  public boolean atLeast(int major, int minor) {
    return majorVersion > major || majorVersion == major && minorVersion >= minor;
  }
}
