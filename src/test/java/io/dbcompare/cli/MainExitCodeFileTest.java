package io.dbcompare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit code the launcher reads back after a run that records its class-data archive: a JVM that
 * cannot write the archive at exit exits with 1 whatever the comparison found (seen with an archive
 * path in a missing folder: the tool's 2 became 1).
 */
class MainExitCodeFileTest {
  @TempDir Path dir;

  @Test
  void theToolsOwnExitCodeIsWrittenWhereTheLauncherAsks() throws Exception {
    Path f = dir.resolve("code");
    Main.recordExitCode(f.toString(), 2);
    assertEquals("2\n", Files.readString(f, StandardCharsets.US_ASCII));
    Main.recordExitCode(f.toString(), 0);
    assertEquals("0\n", Files.readString(f, StandardCharsets.US_ASCII));
  }

  @Test
  void withoutTheSettingNothingIsWrittenAndAFailedWriteNeverFailsTheRun() {
    Main.recordExitCode(null, 1);
    Main.recordExitCode(" ", 1);
    Main.recordExitCode(dir.resolve("missing/folder/code").toString(), 1); // no exception
    assertFalse(Files.exists(dir.resolve("missing")));
  }
}
