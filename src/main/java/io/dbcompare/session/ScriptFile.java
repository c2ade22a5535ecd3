package io.dbcompare.session;

/**
 * A script written for a table (or the session), as recorded in the session file: enough to find it
 * again and to check, before running it, that it is the file that was generated and reviewed.
 */
public class ScriptFile {
  /** {@code sync} or {@code undo}. */
  public String kind;
  /** For a part: the phase it holds ({@code delete}, {@code update}, {@code insert}); null for a whole script or master. */
  public String phase;
  /** For a part: its number; 0 for a whole script or master. */
  public int part;
  public String path;
  /** SHA-256 of the file's bytes, hex. */
  public String sha256;
  public long statements;

  public ScriptFile() {}

  public ScriptFile(String kind, String phase, int part, String path, String sha256, long statements) {
    this.kind = kind;
    this.phase = phase;
    this.part = part;
    this.path = path;
    this.sha256 = sha256;
    this.statements = statements;
  }
}
