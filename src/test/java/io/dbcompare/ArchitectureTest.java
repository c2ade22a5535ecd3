package io.dbcompare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering rules of the README's architecture section, checked on the sources. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/io/dbcompare");

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
      for (String pkg : List.of("jdbc", "dialect", "checkpoint", "sync", "report", "cli")) {
        assertTrue(!src.contains("import io.dbcompare." + pkg + "."), f + " depends on " + pkg);
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
}
