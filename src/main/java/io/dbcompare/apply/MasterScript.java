package io.dbcompare.apply;

import io.dbcompare.dialect.Dialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts a master script runs, in its order. A master holds no statement, only the lines that run
 * its parts: each of its lines must be blank, a comment, a line of the dialect's master preamble or
 * epilogue, or exactly the line the tool writes to run one of the session's recorded scripts
 * ({@link Dialect#includeScript}, rendered for each candidate and compared whole). Nothing else is
 * accepted: no SQL is read back from the file.
 */
final class MasterScript {
  private MasterScript() {}

  static List<Path> includes(String text, Path master, Dialect d, Collection<Path> recorded) {
    Path folder = master.toAbsolutePath().getParent();
    Map<String, Path> lines = new LinkedHashMap<>();
    for (Path p : recorded) {
      if (!p.equals(master)) {
        String relative = folder.relativize(p).toString().replace('\\', '/');
        lines.putIfAbsent(d.includeScript(relative, p.toString()), p);
      }
    }
    Set<String> frame = new java.util.HashSet<>(d.masterPreamble());
    frame.addAll(d.masterEpilogue());
    List<Path> out = new ArrayList<>();
    String[] all = text.split("\n", -1);
    for (int i = 0; i < all.length; i++) {
      String line = all[i];
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("--") || frame.contains(line)) {
        continue;
      }
      Path p = lines.get(line);
      if (p == null) {
        throw ApplyPlan.refused(master + ":" + (i + 1) + ": '" + shorten(line) + "' is not a line the tool writes in a"
            + " master script (it runs only the session's recorded parts)");
      }
      out.add(p);
    }
    if (out.isEmpty()) {
      throw ApplyPlan.refused(master + " runs no part");
    }
    return out;
  }

  private static String shorten(String s) {
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
