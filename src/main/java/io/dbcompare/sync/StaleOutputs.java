package io.dbcompare.sync;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session finishes a table once. When a run died after writing some of a table's outputs but before
 * the session recorded the table as completed, the resumed run writes them again under a new time
 * stamp; this removes what the earlier attempt left: its sync and undo scripts (with their parts
 * folders), its summary and half-written temporary files. Only names of the same table and the same
 * session ({@code <prefix>_<SCHEMA_TABLE>_<yyyyMMdd_HHmmss>_<session8>...}) are touched, never another
 * session's files. Likewise a session's master scripts, which every run that ends with the whole
 * session complete writes again: one of each is kept. The names are {@link ScriptNames}'.
 */
final class StaleOutputs {
  private static final Logger log = LoggerFactory.getLogger(StaleOutputs.class);

  private StaleOutputs() {}

  /**
   * Removes the table's outputs of this session that carry another time stamp than {@code keepStamp},
   * and temporary files of any stamp.
   */
  static void removeEarlier(Path outputDir, String tableKey, String sessionId, String keepStamp) {
    Pattern ours = ScriptNames.tableOutputs(tableKey, sessionId);
    remove(outputDir, name -> {
      Matcher m = ours.matcher(name);
      return m.matches() && (!m.group(2).equals(keepStamp) || !m.group(1).isEmpty() || isTemporary(m.group(3)));
    }, "this output of an interrupted earlier run of session " + sessionId,
        "written by an earlier run of session " + sessionId + " that stopped before " + tableKey
            + " was recorded as completed");
  }

  /**
   * Removes this session's master scripts ({@code sync_session_...}, {@code undo_session_...}) other than
   * {@code keep}: a resumed run that writes them again (a new time stamp) leaves one of each.
   */
  static void removeEarlierSessionScripts(Path outputDir, String sessionId, List<Path> keep) {
    Pattern ours = ScriptNames.sessionScripts(sessionId);
    List<String> kept = keep.stream().map(p -> p.getFileName().toString()).toList();
    remove(outputDir, name -> ours.matcher(name).matches() && !kept.contains(name),
        "this earlier session script of session " + sessionId,
        "an earlier session script of session " + sessionId + ", written again");
  }

  /** Deletes the entries of the output folder whose names match; {@code what} and {@code why} explain. */
  private static void remove(Path outputDir, Predicate<String> stale, String what, String why) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(outputDir)) {
      for (Path p : entries) {
        if (stale.test(p.getFileName().toString())) {
          found.add(p);
        }
      }
    } catch (IOException e) {
      throw new CompareException(ErrorCode.IO, outputDir + ": cannot list the output folder: " + e.getMessage(), e);
    }
    for (Path p : found) {
      try {
        deleteRecursively(p);
      } catch (IOException e) {
        throw new CompareException(ErrorCode.IO, p + ": cannot remove " + what + ": " + e.getMessage()
            + "; remove it by hand", e);
      }
      log.info("removed {}: {}", p, why);
    }
  }

  private static boolean isTemporary(String suffix) {
    return suffix != null && (suffix.endsWith(".part") || suffix.endsWith(".tmp"));
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(p);
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
