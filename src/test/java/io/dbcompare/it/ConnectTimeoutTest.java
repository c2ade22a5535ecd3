package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database host that accepts TCP connections and never answers (a hung listener) must not hang the
 * run: connecting gives up after {@code connect_timeout_seconds}, the run ends with exit 2 and one line
 * that names the side. No database server is needed: the "server" is a local socket that accepts and
 * stays silent (and closes everything after a minute, so that a regression fails instead of hanging).
 */
class ConnectTimeoutTest {
  private static final int TIMEOUT = 3;
  /** Generous for a loaded machine, far below the minute a missing timeout would take. */
  private static final long BOUND_MILLIS = TimeUnit.SECONDS.toMillis(TIMEOUT + 5);

  @TempDir
  Path dir;

  private ServerSocket silent;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private H2TestDb source;

  @BeforeEach
  void silentListener() throws Exception {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      try {
        while (!silent.isClosed()) {
          accepted.add(silent.accept()); // and never write a byte
        }
      } catch (IOException closed) {
        // the test is over
      }
    }, "silent-listener");
    acceptor.setDaemon(true);
    acceptor.start();
    Thread reaper = new Thread(() -> {
      try {
        Thread.sleep(60_000);
        close();
      } catch (InterruptedException | IOException e) {
        // the test closed it
      }
    }, "silent-listener-reaper");
    reaper.setDaemon(true);
    reaper.start();
    source = new H2TestDb(dir.resolve("db").resolve("source"));
    source.exec("CREATE SCHEMA APP");
    Tables.create(source, "T", Tables.ORDERS);
  }

  @AfterEach
  void close() throws IOException {
    silent.close();
    for (Socket s : accepted) {
      s.close();
    }
  }

  @Test
  void aPostgresqlHostThatNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/db";
    expectTimeout(Tables.database(url, "postgres", "pw"));
  }

  /** Without TLS negotiation (whose own 5-second response timeout would end the wait) the driver waits for the login. */
  @Test
  void aPostgresqlHostThatNeverAnswersTheLoginFailsWithinTheConnectTimeout() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/db?sslmode=disable";
    expectTimeout(Tables.database(url, "postgres", "pw"));
  }

  @Test
  void anOracleListenerThatNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
    expectTimeout("  host: 127.0.0.1\n  port: " + silent.getLocalPort() + "\n  service_name: ORCLPDB1\n"
        + "  username: scott\n  password: tiger\n");
  }

  @Test
  void anOracleSidUrlOnAListenerThatNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
    expectTimeout(Tables.database("jdbc:oracle:thin:@127.0.0.1:" + silent.getLocalPort() + ":ORCL", "scott", "tiger"));
  }

  @Test
  void anH2ServerThatNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
    expectTimeout(Tables.database("jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/~/nothing", "sa", "pw"));
  }

  private void expectTimeout(String targetDb) throws Exception {
    Path cfg = Tables.config(dir.resolve("run"), Tables.database(source), targetDb,
        "  connect_timeout_seconds: " + TIMEOUT + "\n", "  - APP.T\n");
    long start = System.nanoTime();
    CliRunner.Result r = CliRunner.run(cfg.toString());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(2, r.code(), r.all());
    assertTrue(millis < BOUND_MILLIS, "gave up after " + millis + " ms; connect_timeout_seconds is " + TIMEOUT);
    assertFalse(accepted.isEmpty(), "the driver did reach the silent listener: " + r.all());
    String line = r.err().strip();
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.startsWith("error: target database: connecting to "), line);
    assertTrue(line.contains("connect_timeout_seconds"), line);
    assertFalse(Files.exists(dir.resolve("run").resolve("state")) && !Tables.files(dir.resolve("run").resolve("state"),
        "*.json").isEmpty(), "no session is created when a database cannot be reached");
  }
}
