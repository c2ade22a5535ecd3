package io.dbcompare.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code comparison.snapshot: { mode: none | scn | exported }} and checks it against both
 * platforms at load time: a mode one side cannot honour is a configuration error (exit 3), never a
 * silent fall-back to reading the current data.
 */
final class SnapshotSettingsParser {
  static final String KEY = "snapshot";
  private static final Set<String> KEYS = Set.of("mode");

  private SnapshotSettingsParser() {}

  /** @param comparison the {@code comparison:} section (may be empty) */
  static SnapshotSettings parse(ConfigLoader.Node comparison, Platform source, Platform target) {
    if (comparison.map.get(KEY) != null && !(comparison.map.get(KEY) instanceof Map<?, ?>)) {
      throw comparison.error(KEY, "must be a mapping like { mode: scn }; modes: " + modes());
    }
    ConfigLoader.Node n = comparison.optionalMap(KEY);
    if (n == null) {
      return SnapshotSettings.NONE;
    }
    n.checkKeys(KEYS);
    String text = n.requireString("mode").strip();
    SnapshotMode mode = Arrays.stream(SnapshotMode.values())
        .filter(m -> m.configName().equals(text.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> n.error("mode", "'" + text + "' is not allowed; use " + modes()));
    for (Platform p : List.of(source, target)) {
      if (!Platforms.of(p).supportsSnapshot(mode)) {
        throw n.error("mode", mode.configName() + " needs " + supporters(mode) + " on both sides; the "
            + (p == source ? "source" : "target") + " is " + name(p) + why(mode) + ": use none"
            + (mode == SnapshotMode.SCN ? "" : " (scn needs Oracle on both sides)"));
      }
    }
    return new SnapshotSettings(mode);
  }

  private static String why(SnapshotMode mode) {
    return switch (mode) {
      case SCN -> " (an SCN is Oracle's: both sides must be one Oracle database, or a primary and its physical"
          + " standby)";
      case EXPORTED -> " (an exported snapshot is PostgreSQL's: pg_export_snapshot)";
      case NONE -> "";
    };
  }

  private static String supporters(SnapshotMode mode) {
    List<String> names = Platforms.all().stream().filter(r -> r.supportsSnapshot(mode))
        .map(r -> name(r.platform())).sorted().toList();
    return names.isEmpty() ? "a platform that has it" : String.join(" or ", names);
  }

  private static String name(Platform p) {
    return p.name().toLowerCase(Locale.ROOT);
  }

  private static String modes() {
    return String.join(", ", Arrays.stream(SnapshotMode.values()).map(SnapshotMode::configName).toList());
  }
}
