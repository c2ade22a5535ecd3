package io.dbcompare.repair;

/** A row the target changed since the comparison: the statement found it other than the comparison read it. */
public record Conflict(String table, String key, String chunk, String reason) {
  public String describe() {
    return table + " " + key + " (" + chunk + "): " + reason;
  }
}
