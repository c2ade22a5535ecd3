package io.dbcompare.report;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a report or summary whole (or not at all), failing with one line that says what to check. */
final class OutputFile {
  private OutputFile() {}

  static void write(Path file, byte[] bytes, String what) {
    try {
      AtomicFile.write(file, bytes);
    } catch (IOException e) {
      throw new CompareException(ErrorCode.IO, file + ": cannot write the " + what + ": " + e.getMessage()
          + "; check free space and permissions of " + file.getParent(), e);
    }
  }
}
