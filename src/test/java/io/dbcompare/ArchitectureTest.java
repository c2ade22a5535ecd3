package io.dbcompare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering rules of the README's architecture section, checked on the sources. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/io/dbcompare");
  /** A platform constant, a case label of one, or a switch over a platform. */
  private static final Pattern PLATFORM_SWITCH = Pattern.compile(
      "Platform\\.(ORACLE|POSTGRESQL|H2)\\b|case\\s+(ORACLE|POSTGRESQL|H2)\\b|switch\\s*\\([^)]*[pP]latform\\(?\\)?\\s*\\)"
          + "|import\\s+static\\s+io\\.dbcompare\\.config\\.Platform");
  /** A per-platform class naming its own platform is not a switch. */
  private static final Pattern NAMES_ITSELF =
      Pattern.compile("public\\s+Platform\\s+platform\\(\\)\\s*\\{\\s*return\\s+Platform\\.\\w+;\\s*}");

  private static List<Path> sources(String pkg) throws IOException {
    try (Stream<Path> s = Files.walk(MAIN.resolve(pkg))) {
      return s.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  @Test
  void compareKnowsNothingOfJdbcFilesOrOtherLayers() throws IOException {
    List<Path> files = sources("compare");
    assertTrue(files.size() > 10, "compare sources found: " + files);
    for (Path f : files) {
      String src = Files.readString(f);
      assertTrue(!src.contains("import java.sql"), f + " imports java.sql");
      for (String pkg : List.of("jdbc", "dialect", "checkpoint", "sync", "report", "cli", "session", "apply")) {
        assertTrue(!src.contains("io.dbcompare." + pkg + "."), f + " depends on " + pkg);
      }
    }
  }

  @Test
  void checkpointAndSyncNeverTouchAConnection() throws IOException {
    for (String pkg : List.of("checkpoint", "sync", "session", "config", "report")) {
      for (Path f : sources(pkg)) {
        String src = Files.readString(f);
        assertTrue(!src.contains("java.sql.Connection") && !src.contains("io.dbcompare.jdbc."),
            f + " must not use connections");
      }
    }
  }

  /** The session's state classes and the classes that may assign their fields besides themselves. */
  private static final Set<String> SESSION_STATE = Set.of("io/dbcompare/session/Session",
      "io/dbcompare/session/TableProgress", "io/dbcompare/session/ChunkProgress", "io/dbcompare/session/ScriptFile",
      "io/dbcompare/session/Session$Totals", "io/dbcompare/session/RecheckCount", "io/dbcompare/session/LagRecord",
      "io/dbcompare/session/ScnRecord", "io/dbcompare/session/StructureNote");
  private static final Set<String> MAY_WRITE_SESSION_STATE = Set.of("io/dbcompare/session/SessionBook",
      "io/dbcompare/session/SessionStore", "io/dbcompare/session/ApplyBook", "io/dbcompare/session/RepairBook");

  @Test
  void onlyTheSessionBookChangesSessionState() throws IOException {
    // the compiled classes of this build, wherever -DbuildDir put them
    Path classes;
    try {
      classes = Path.of(io.dbcompare.session.SessionBook.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()).resolve("io/dbcompare");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Map<String, List<String>> offenders = new TreeMap<>();
    int bookWrites = 0;
    try (Stream<Path> s = Files.walk(classes)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".class")).toList()) {
        String cls = "io/dbcompare/" + classes.relativize(f).toString().replace('\\', '/').replace(".class", "");
        for (FieldWrites.Write w : FieldWrites.of(f)) {
          if (!SESSION_STATE.contains(w.owner()) || SESSION_STATE.contains(cls)) {
            continue; // not session state, or the state classes themselves (constructors, recount, totals)
          }
          if (MAY_WRITE_SESSION_STATE.contains(cls)) {
            bookWrites += cls.endsWith("SessionBook") ? 1 : 0;
            continue;
          }
          offenders.computeIfAbsent(cls, k -> new ArrayList<>()).add(w.owner() + "." + w.name());
        }
      }
    }
    assertTrue(bookWrites > 20, "the scan finds the book's own writes (" + bookWrites + ")");
    assertEquals(Map.of(), offenders, "only SessionBook (and SessionStore's create/save) change session state");
  }

  /**
   * While a run is live the console belongs to the console reporter: the layers the engine drives never
   * print, and in report only the console reporter and the session blocks (printed before and after a
   * run) hold a writer.
   */
  @Test
  void onlyTheConsoleReporterWritesToTheConsoleDuringARun() throws IOException {
    List<String> console = List.of("System.out", "System.err", "PrintWriter", "PrintStream", "printStackTrace(");
    for (String pkg : List.of("compare", "session", "checkpoint", "jdbc", "dialect", "sync", "config", "error",
        "report")) {
      for (Path f : sources(pkg)) {
        String name = f.getFileName().toString();
        // CrashPoints prints its pause line only under -Ddbcompare.pauseAt, for the crash tests that wait for it
        if (name.equals("ConsoleReporter.java") || name.equals("SessionReport.java") || name.equals("CrashPoints.java")) {
          continue;
        }
        String src = Files.readString(f);
        for (String c : console) {
          assertTrue(!src.contains(c), f + " uses " + c + ": report progress through a ProgressEvent instead");
        }
      }
    }
    String run = Files.readString(MAIN.resolve("cli/CompareRun.java"));
    String during = run.substring(run.indexOf("engine.run(selected, mode);"));
    during = during.substring(0, during.indexOf("restoreSignals.run();"));
    assertTrue(!during.contains("out.") && !during.contains("err."), "CompareRun prints while the engine runs");
    assertTrue(!Files.readString(MAIN.resolve("cli/Signals.java")).contains("println"),
        "the Ctrl-C notice is the console reporter's (StopRequested)");
  }

  @Test
  void onlyMainCallsSystemExit() throws IOException {
    try (Stream<Path> s = Files.walk(MAIN)) {
      List<Path> callers = s.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> {
            try {
              return Files.readString(p).contains("System.exit(");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }).toList();
      assertEquals(List.of(MAIN.resolve("cli/Main.java")), callers);
    }
  }

  @Test
  void onlyVendorObjectsAskWhichPlatformTheyHave() throws IOException {
    try (Stream<Path> s = Files.walk(MAIN)) {
      List<Path> files = s.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !MAIN.relativize(p).startsWith("vendor"))
          .toList();
      assertTrue(files.size() > 50, "sources found: " + files.size());
      for (Path f : files) {
        Matcher m = PLATFORM_SWITCH.matcher(NAMES_ITSELF.matcher(Files.readString(f)).replaceAll(""));
        assertTrue(!m.find(), f + " asks which platform it has ('" + (m.hitEnd() ? "" : m.group())
            + "'); ask the vendor object (io.dbcompare.vendor.DatabaseTypes.of) instead");
      }
    }
  }

  @Test
  void configDoesNotDependOnTheVendorObjectsAndTheyDoNotTalkToTheRestOfTheTool() throws IOException {
    for (Path f : sources("config")) {
      assertTrue(!Files.readString(f).contains("import io.dbcompare.vendor."), f + " depends on vendor");
    }
    List<Path> vendor = sources("vendor");
    assertTrue(vendor.size() >= 7, "vendor sources found: " + vendor);
    for (Path f : vendor) {
      String src = Files.readString(f);
      for (String pkg : List.of("jdbc", "cli", "sync", "apply", "session", "report", "checkpoint")) {
        assertTrue(!src.contains("import io.dbcompare." + pkg + "."), f + " depends on " + pkg);
      }
      assertTrue(!src.contains("java.sql.Connection"), f + " must not use connections");
    }
  }

  /**
   * Files are replaced whole or not at all through one helper ({@code files.AtomicFile}), which depends
   * on nothing else of the tool so that every layer may use it.
   */
  @Test
  void onlyTheAtomicFileHelperRenamesFilesIntoPlace() throws IOException {
    Path helper = MAIN.resolve("files/AtomicFile.java");
    try (Stream<Path> s = Files.walk(MAIN)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java") && !p.equals(helper)).toList()) {
        String src = Files.readString(f);
        assertTrue(!src.contains("Files.move(") && !src.contains("ATOMIC_MOVE"),
            f + " renames a file itself: write it with io.dbcompare.files.AtomicFile");
      }
    }
    for (Path f : sources("files")) {
      assertTrue(!Files.readString(f).contains("import io.dbcompare."), f + " depends on another package");
    }
  }

  /** The output folder's file names are made in one place ({@code sync.ScriptNames}). */
  @Test
  void outputFileNamesComeFromScriptNames() throws IOException {
    Pattern names = Pattern.compile("\"(sync_target|undo_target|sync_session|undo_session|comparison_summary)_");
    Path home = MAIN.resolve("sync/ScriptNames.java");
    try (Stream<Path> s = Files.walk(MAIN)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java") && !p.equals(home)).toList()) {
        Matcher m = names.matcher(Files.readString(f));
        assertTrue(!m.find(), f + " builds an output name (" + (m.hitEnd() ? "" : m.group()) + "); use ScriptNames");
      }
    }
  }
}
