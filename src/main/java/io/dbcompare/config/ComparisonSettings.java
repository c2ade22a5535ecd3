package io.dbcompare.config;

import java.nio.file.Path;

/** The {@code comparison:} section, with defaults filled in and paths resolved. */
public record ComparisonSettings(
    int chunkSize,
    int threads,
    Path stateDir,
    Path checkpointDir,
    Path outputDir,
    int maxRetries,
    int fetchSize,
    int connectTimeoutSeconds,
    EmptyStringPolicy emptyStrings) {

  public static final int DEFAULT_CHUNK_SIZE = 10_000;
  public static final int DEFAULT_THREADS = 4;
  public static final int DEFAULT_MAX_RETRIES = 2;
  public static final int DEFAULT_FETCH_SIZE = 1_000;
  public static final int DEFAULT_CONNECT_TIMEOUT = 30;
}
