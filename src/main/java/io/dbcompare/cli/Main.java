package io.dbcompare.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The command-line entry point; the only place that calls {@code System.exit}. */
public final class Main {
  /**
   * A file to write the exit code to before exiting (set by {@code scripts/compare}): a JVM recording
   * its class-data archive at exit replaces the process's exit code with 1 when it cannot write the
   * archive (a full disk, a read-only folder), so the launcher takes the tool's own code from here.
   */
  static final String EXIT_CODE_FILE = "table-compare.exit-code-file";

  private Main() {}

  public static void main(String[] args) {
    int code = Cli.standard().run(args);
    recordExitCode(System.getProperty(EXIT_CODE_FILE), code);
    System.exit(code);
  }

  /** Writes {@code code} to {@code file} when one is given; a failure only loses the copy, never the run. */
  static void recordExitCode(String file, int code) {
    if (file == null || file.isBlank()) {
      return;
    }
    try {
      Files.writeString(Path.of(file), code + "\n", StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      // the process's own exit code still says it, unless the archive's dump fails as well
    }
  }
}
