package io.dbcompare.session;

/**
 * The SCN a session reads both sides at ({@code snapshot: scn}), as recorded in the session file: chosen
 * once, before the first table is read, and used again by every resume.
 */
public class ScnRecord {
  /** The system change number, in decimal (an Oracle NUMBER: kept as text, never rounded). */
  public String scn;
  /** {@code source} or {@code target}: the database that gave it. */
  public String side;
  /** How it was chosen (a standby's applied SCN, the source's current SCN). */
  public String why;
  /** When it was chosen (ISO-8601). */
  public String chosenAt;

  public ScnRecord() {}

  ScnRecord(String scn, String side, String why, String chosenAt) {
    this.scn = scn;
    this.side = side;
    this.why = why;
    this.chosenAt = chosenAt;
  }
}
