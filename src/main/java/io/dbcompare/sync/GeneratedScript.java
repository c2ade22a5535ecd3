package io.dbcompare.sync;

import io.dbcompare.compare.ScriptRecord;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One file a script writer produced.
 *
 * @param kind {@code sync} or {@code undo}
 * @param phase the phase a part holds; null for the script a DBA runs (a whole script or a master
 *     that runs the parts)
 * @param part the part's number (1, 2, ...), 0 for the script a DBA runs
 * @param path where it is
 * @param sha256 the SHA-256 of the file's bytes, in hex (to check before running it)
 * @param statements the number of statements in it (for a master, in all of its parts)
 */
public record GeneratedScript(String kind, Phase phase, int part, Path path, String sha256, long statements) {
  public static final String SYNC = "sync";
  public static final String UNDO = "undo";

  public boolean isMain() {
    return phase == null;
  }

  /** As the session records it. */
  public ScriptRecord record() {
    return new ScriptRecord(kind, phase == null ? null : phase.label(), part, path.toString(), sha256, statements);
  }

  /** A file the session recorded. */
  public static GeneratedScript of(ScriptRecord r) {
    return new GeneratedScript(r.kind(), r.phase() == null ? null : Phase.valueOf(r.phase().toUpperCase(Locale.ROOT)),
        r.part(), Path.of(r.path()), r.sha256(), r.statements());
  }
}
