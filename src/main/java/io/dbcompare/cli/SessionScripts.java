package io.dbcompare.cli;

import io.dbcompare.compare.TableRef;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.CompareException;
import io.dbcompare.session.SessionBook;
import io.dbcompare.sync.ForeignKey;
import io.dbcompare.sync.SessionMaster;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * At the end of a run that leaves every table of the session complete and several with sync scripts:
 * writes the session's master scripts ({@link SessionMaster}) and records them in the session, or, when
 * they cannot be written, records why (the session fails: {@code --apply} refuses it, since without the
 * master it would run the tables' scripts in configuration order instead of foreign-key order).
 */
final class SessionScripts {
  private SessionScripts() {}

  /**
   * What became of the master: written ({@code sync}), not needed (both null), or failed.
   *
   * @param failure why it could not be written (already recorded in the session)
   */
  record Outcome(Path sync, CompareException failure) {
    static final Outcome NONE = new Outcome(null, null);
  }

  /**
   * @param foreignKeys reads the foreign keys declared on target tables (the target's catalog)
   */
  static Outcome write(SessionBook book, Dialect target, Function<List<TableRef>, List<ForeignKey>> foreignKeys,
      Path outputDir, Clock clock, boolean undo) {
    SessionMaster.Written written;
    try {
      written = new SessionMaster(outputDir, target, clock).write(book.snapshot(), undo, foreignKeys);
    } catch (CompareException e) {
      book.sessionScriptsFailed(e.getMessage());
      return new Outcome(null, e);
    }
    if (written == null) {
      return Outcome.NONE;
    }
    book.sessionScriptsRecorded(written.records());
    return new Outcome(written.sync(), null);
  }
}
