package io.dbcompare.compare;

/** A table as found in one database's catalog: exact schema and table names. */
public record TableRef(String schema, String table) {
  public String display() {
    return schema + "." + table;
  }
}
