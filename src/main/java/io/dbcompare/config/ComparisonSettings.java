package io.dbcompare.config;

import java.nio.file.Path;

/**
 * The {@code comparison:} section, with defaults filled in and paths resolved.
 *
 * @param recheck the run's recheck of differing rows (tables may override it)
 */
public record ComparisonSettings(
    int chunkSize,
    int threads,
    Path stateDir,
    Path checkpointDir,
    Path outputDir,
    int maxRetries,
    int fetchSize,
    int connectTimeoutSeconds,
    EmptyStringPolicy emptyStrings,
    int queryTimeoutSeconds,
    boolean pushdown,
    int bisectFactor,
    int bisectThreshold,
    RecheckSettings recheck) {

  public static final int DEFAULT_CHUNK_SIZE = 10_000;
  public static final int DEFAULT_THREADS = 4;
  public static final int DEFAULT_MAX_RETRIES = 2;
  public static final int DEFAULT_FETCH_SIZE = 1_000;
  public static final int DEFAULT_CONNECT_TIMEOUT = 30;
  /** A chunk whose checksums differ is split into this many sub-ranges... */
  public static final int DEFAULT_BISECT_FACTOR = 8;
  /** ...until a range holds at most this many rows; then key and row-hash streams are merged. */
  public static final int DEFAULT_BISECT_THRESHOLD = 1_000;

  /** Settings with the default recheck ({@link RecheckSettings#DEFAULT}). */
  public ComparisonSettings(int chunkSize, int threads, Path stateDir, Path checkpointDir, Path outputDir,
      int maxRetries, int fetchSize, int connectTimeoutSeconds, EmptyStringPolicy emptyStrings,
      int queryTimeoutSeconds, boolean pushdown, int bisectFactor, int bisectThreshold) {
    this(chunkSize, threads, stateDir, checkpointDir, outputDir, maxRetries, fetchSize, connectTimeoutSeconds,
        emptyStrings, queryTimeoutSeconds, pushdown, bisectFactor, bisectThreshold, RecheckSettings.DEFAULT);
  }

  public ComparisonSettings {
    recheck = recheck == null ? RecheckSettings.DEFAULT : recheck;
  }

  /** The same settings with push-down switched off (the command line's --no-pushdown). */
  public ComparisonSettings withoutPushdown() {
    return new ComparisonSettings(chunkSize, threads, stateDir, checkpointDir, outputDir, maxRetries, fetchSize,
        connectTimeoutSeconds, emptyStrings, queryTimeoutSeconds, false, bisectFactor, bisectThreshold, recheck);
  }
}
