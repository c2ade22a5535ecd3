package io.dbcompare.config;

import java.nio.file.Path;

/**
 * The {@code comparison:} section, with defaults filled in and paths resolved.
 *
 * @param planSampleAboveRows plan chunks from a block sample for tables whose row estimate (optimizer
 *     statistics) is at least this many rows; 0 (the default): always plan exactly
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
    long planSampleAboveRows,
    int progressIntervalSeconds,
    int reportRows,
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
  /** Without a terminal, a table's progress line at most this often (never one per chunk). */
  public static final int DEFAULT_PROGRESS_INTERVAL = 30;
  /** Differing rows shown side by side per table in the reports and summaries. */
  public static final int DEFAULT_REPORT_ROWS = 100;

  /** Settings with exact planning and the default progress interval, report rows and recheck. */
  public ComparisonSettings(int chunkSize, int threads, Path stateDir, Path checkpointDir, Path outputDir,
      int maxRetries, int fetchSize, int connectTimeoutSeconds, EmptyStringPolicy emptyStrings,
      int queryTimeoutSeconds, boolean pushdown, int bisectFactor, int bisectThreshold) {
    this(chunkSize, threads, stateDir, checkpointDir, outputDir, maxRetries, fetchSize, connectTimeoutSeconds,
        emptyStrings, queryTimeoutSeconds, pushdown, bisectFactor, bisectThreshold, 0, DEFAULT_PROGRESS_INTERVAL,
        DEFAULT_REPORT_ROWS, RecheckSettings.DEFAULT);
  }

  public ComparisonSettings {
    recheck = recheck == null ? RecheckSettings.DEFAULT : recheck;
  }

  /** The same settings with push-down switched off (the command line's --no-pushdown). */
  public ComparisonSettings withoutPushdown() {
    return new ComparisonSettings(chunkSize, threads, stateDir, checkpointDir, outputDir, maxRetries, fetchSize,
        connectTimeoutSeconds, emptyStrings, queryTimeoutSeconds, false, bisectFactor, bisectThreshold,
        planSampleAboveRows, progressIntervalSeconds, reportRows, recheck);
  }
}
