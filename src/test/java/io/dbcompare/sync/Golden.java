package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}. Run the tests with {@code -Dgolden.update=true}
 * to (re)write them from the current output; review the diff before keeping it.
 */
public final class Golden {
  private Golden() {}

  public static Path dir() {
    String basedir = System.getProperty("basedir");
    return Path.of(basedir == null ? "." : basedir, "src", "test", "resources", "golden");
  }

  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  /** Compares {@code actual} with the golden file {@code name}, or rewrites the file when updating. */
  public static void check(String name, String actual) throws IOException {
    Path file = dir().resolve(name);
    if (updating()) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(file), file + " is missing: run the tests once with -Dgolden.update=true");
    // a checkout with CRLF line ends must not fail: the generated SQL itself never holds a CR
    String expected = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    if (!expected.equals(actual)) {
      // Report the first differing line rather than two 200 KB strings.
      String[] e = expected.split("\n", -1);
      String[] a = actual.split("\n", -1);
      for (int i = 0; i < Math.min(e.length, a.length); i++) {
        assertEquals(e[i], a[i], name + ": first difference at line " + (i + 1)
            + " (run with -Dgolden.update=true to accept the new output)");
      }
      assertEquals(e.length, a.length, name + ": line count differs");
    }
  }
}
