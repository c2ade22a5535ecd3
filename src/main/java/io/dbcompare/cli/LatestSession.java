package io.dbcompare.cli;

import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.RunStatus;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.report.Human;
import io.dbcompare.session.SessionBook;
import io.dbcompare.session.SessionStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** {@code --resume} without an id: the most recent unfinished session of this configuration file. */
final class LatestSession {
  /** The value picocli gives {@code --resume} when no id follows it (also accepted when typed). */
  static final String LATEST = "latest";

  private LatestSession() {}

  /** The session to resume; a usage error (exit 3) naming the list command when there is none. */
  static RunSnapshot choose(SessionStore store, Path configFile) {
    Path config = normal(configFile);
    Optional<RunSnapshot> latest = store.list().stream()
        .filter(l -> l.session() != null)
        .map(l -> SessionBook.snapshotOf(l.session()))
        .filter(s -> s.status() != RunStatus.COMPLETED)
        .filter(s -> s.configPath() != null && normal(Path.of(s.configPath())).equals(config))
        .max(Comparator.comparing((RunSnapshot s) -> time(s.lastUpdate()))
            .thenComparing(s -> time(s.startTime())));
    return latest.orElseThrow(() -> new CompareException(ErrorCode.USAGE, "--resume without a session id: no"
        + " unfinished session of " + configFile + " in " + store.stateDir() + "; list the sessions with: "
        + "scripts/compare " + configFile + " --list-sessions"));
  }

  private static Instant time(String iso) {
    return Objects.requireNonNullElse(Human.instant(iso), Instant.EPOCH);
  }

  private static Path normal(Path p) {
    return p.toAbsolutePath().normalize();
  }
}
