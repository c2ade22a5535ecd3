package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ReadPoint;
import io.dbcompare.compare.TableOutputs;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.config.Platform;
import io.dbcompare.config.SyncSettings;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.sync.Golden;
import io.dbcompare.sync.OutputFixture;
import io.dbcompare.sync.SyncScriptWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table read at one SCN ({@code snapshot: scn}): its sync script, undo script and summary say so in
 * their shared header ({@code golden/sync_oracle_scn.sql}); a table read as it is gets no such line.
 */
class ReadPointHeaderTest {
  private static final ReadPoint AT = ReadPoint.scn(new BigInteger("9000420"));
  private static final String LINE =
      "Read at:             SCN 9000420 on both sides (flashback queries; the differences are exact at that SCN)";

  @TempDir Path out;

  private TableOutputs finish(TableSpec t) {
    SyncScriptWriter oracle = new SyncScriptWriter(Dialects.of(Platform.ORACLE),
        new SyncSettings(100, true, SyncSettings.DEFAULT_MAX_STATEMENTS_PER_FILE, true, false));
    ResultWriter w = new ResultWriter(out, OutputFixture.run(List.of(OutputFixture.pending(t))), oracle,
        OutputFixture.CLOCK);
    ChunkResult r = OutputFixture.differences(t);
    return w.finish(t, List.of(r), OutputFixture.completed(t, r, null));
  }

  @Test
  void theSyncScriptOfATableReadAtAnScnNamesTheScn() throws Exception {
    TableOutputs o = finish(OutputFixture.spec("T").withReadPoints(AT, AT));
    String sync = Files.readString(Path.of(o.syncScript()));
    Golden.check("sync_oracle_scn.sql", sync);
    assertTrue(sync.contains("-- " + LINE + "\n"), sync);
    assertTrue(Files.readString(Path.of(o.undoScript())).contains("-- " + LINE + "\n"));
    assertTrue(Files.readString(Path.of(o.summaryFile())).contains("\n" + LINE + "\n"));
  }

  @Test
  void aTableReadAsItIsHasNoReadPointLine() throws Exception {
    TableOutputs o = finish(OutputFixture.spec("T"));
    assertFalse(Files.readString(Path.of(o.syncScript())).contains("Read at:"));
    assertEquals(Optional.empty(), ResultWriter.readPoint(OutputFixture.spec("T")));
  }
}
