package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords inside JDBC URLs, written literally ({@code ?password=...}) or as {@code ${ENV}}, reach no
 * file the tool writes (state, session log, checkpoints, scripts, summaries) and no console output: of a
 * comparison (also in a separate JVM, so that driver and logging output is seen as a DBA sees it), a
 * resume, {@code --status}, {@code --list-sessions}, {@code --verbose} and failing runs with stack traces.
 * The server trusts local connections, so the passwords are sent and ignored.
 */
class PostgresSecretsInUrlTest {
  private static final String URL_SECRET = "url-secret-123";
  private static final String ENV_SECRET = "env-secret-456";
  private static final Map<String, String> ENV = Map.of("TC_TARGET_PASSWORD", ENV_SECRET);
  private static final Function<String, String> ENV_LOOKUP = ENV::get;

  @TempDir
  Path dir;

  private PgTestDb source;
  private PgTestDb target;
  private final List<String> console = new ArrayList<>();

  @AfterEach
  void drop() throws Exception {
    if (source != null) {
      source.drop();
    }
    if (target != null) {
      target.drop();
    }
  }

  @Test
  void passwordsInUrlsReachNoFileAndNoConsole() throws Exception {
    String suffix = Long.toHexString(System.nanoTime() & 0xffffffL) + "_" + ProcessHandle.current().pid();
    source = PgTestDb.create("tc_sec_src_" + suffix);
    target = PgTestDb.create("tc_sec_tgt_" + suffix);
    for (PgTestDb db : List.of(source, target)) {
      Tables.create(db, "acct", Tables.ORDERS);
      Tables.insert(db, "acct", Tables.orders(1, 200, 1));
      Tables.create(db, "only_src", Tables.ORDERS);
    }
    target.exec("DROP TABLE app.only_src", "UPDATE app.acct SET name = 'x' WHERE id = 3", "DELETE FROM app.acct WHERE id = 9");
    String sourceDb = Tables.database(source.url() + "?password=" + URL_SECRET, PgTestDb.ADMIN_USER, null);
    String targetDb = Tables.database(target.url() + "?ApplicationName=x&password=${TC_TARGET_PASSWORD}&ssl=false",
        PgTestDb.ADMIN_USER, "${TC_TARGET_PASSWORD}");
    Path cfg = Tables.config(dir, sourceDb, targetDb, "  chunk_size: 50\n  threads: 2\n",
        Tables.entry(source, target, "acct", "") + Tables.entry(source, target, "only_src", ""));

    // a comparison in a separate JVM: everything the process prints, drivers and logging included
    Path childOut = dir.resolve("child.out");
    Process child = CliRunner.spawn(childOut, ENV, List.of(), cfg.toString(), "--verbose");
    assertTrue(child.waitFor(120, TimeUnit.SECONDS));
    console.add(Files.readString(childOut));
    assertEquals(2, child.exitValue(), "only_src fails (no target table), acct has differences: " + console);
    assertTrue(console.get(0).contains("only_src") && console.get(0).contains("does not exist"), console.get(0));
    String id = new ObjectMapper().readTree(Tables.files(dir.resolve("state"), "oracle_session_*.json").get(0)
        .toFile()).get("session_id").asText();

    run(2, cfg.toString(), "--verbose");
    run(2, cfg.toString(), "--resume", id, "--retry-failed", "--verbose");
    run(0, cfg.toString(), "--status", id, "--verbose");
    run(0, cfg.toString(), "--list-sessions", "--verbose");
    assertTrue(console.get(console.size() - 1).contains(id), "the listing shows the session");

    // a database that cannot be reached: the error (with its stack trace) names the URL, masked
    Path unreachable = Tables.config(dir.resolve("unreachable"),
        Tables.database("jdbc:postgresql://127.0.0.1:" + PgTestDb.PORT + "/no_such_db_" + suffix + "?password="
            + URL_SECRET, PgTestDb.ADMIN_USER, null), targetDb, "", Tables.entry(source, target, "acct", ""));
    String error = run(-1, unreachable.toString(), "--verbose");
    assertTrue(error.contains("error: source database: connecting to postgres @ jdbc:postgresql://")
        && error.contains("password=****"), error);

    for (String out : console) {
      assertFalse(out.contains(URL_SECRET) || out.contains(ENV_SECRET), "a password on the console: " + out);
    }
    List<Path> written;
    try (Stream<Path> all = Files.walk(dir)) {
      written = all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("config.yaml")).toList();
    }
    assertTrue(written.stream().anyMatch(p -> p.toString().endsWith(".kryo")), written.toString());
    assertTrue(written.stream().anyMatch(p -> p.getFileName().toString().startsWith("sync_target_")), written.toString());
    assertTrue(written.stream().anyMatch(p -> p.getFileName().toString().endsWith(".log")), written.toString());
    for (Path p : written) {
      String content = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
      assertFalse(content.contains(URL_SECRET) || content.contains(ENV_SECRET), "a password in " + p);
    }
  }

  /** Runs in-process and keeps the console output; {@code expected} -1 accepts any failing status. */
  private String run(int expected, String... args) {
    CliRunner.Result r = CliRunner.run(ENV_LOOKUP, args);
    console.add(r.all());
    if (expected >= 0) {
      assertEquals(expected, r.code(), r.all());
    } else {
      assertTrue(r.code() >= 2, r.all());
    }
    return r.all();
  }
}
