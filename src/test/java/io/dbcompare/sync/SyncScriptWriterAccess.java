package io.dbcompare.sync;

import io.dbcompare.config.Platform;
import io.dbcompare.config.SyncSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The sync fixture's scripts for tests of other packages. */
public final class SyncScriptWriterAccess {
  private SyncScriptWriterAccess() {}

  /** Writes {@code sync_<platform>.sql} (and undo) of {@link SyncFixture} into {@code dir}. */
  public static List<GeneratedScript> writeFixture(Platform p, Path dir, SyncSettings settings) throws IOException {
    return SyncScriptGoldenTest.write(p, dir, settings, false);
  }
}
