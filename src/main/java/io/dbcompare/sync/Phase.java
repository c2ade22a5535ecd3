package io.dbcompare.sync;

import io.dbcompare.compare.RowDiff.DiffKind;
import java.util.Locale;

/**
 * The three phases of a sync (or undo) script, in the order they run within a table: DELETE, then
 * UPDATE, then INSERT, so a unique value moving between rows applies cleanly more often.
 */
public enum Phase {
  DELETE,
  UPDATE,
  INSERT;

  /** The phase of the sync statement for a difference. */
  public static Phase ofSync(DiffKind kind) {
    return switch (kind) {
      case MISSING_IN_SOURCE -> DELETE;
      case DIFFERENT -> UPDATE;
      case MISSING_IN_TARGET -> INSERT;
    };
  }

  /** The phase of the undo statement for a difference: an inserted row is deleted again, and so on. */
  public static Phase ofUndo(DiffKind kind) {
    return switch (kind) {
      case MISSING_IN_SOURCE -> INSERT;
      case DIFFERENT -> UPDATE;
      case MISSING_IN_TARGET -> DELETE;
    };
  }

  /** {@code delete}, {@code update}, {@code insert}: used in file names and the session file. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
