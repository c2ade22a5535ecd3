package io.dbcompare.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.TableName.Identifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid configurations: what the loader builds from them. No database is contacted. */
class ConfigLoaderTest {

  private static final String SRC_PW = "Src-Pw-7781";
  private static final String TGT_PW = "Tgt-Pw-9932";

  @TempDir Path dir;

  private final Function<String, String> noEnv = name -> null;

  private Path write(String name, String yaml) throws IOException {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  private CompareConfig load(String yaml) throws IOException {
    return new ConfigLoader(noEnv).load(write("config.yaml", yaml));
  }

  private static String urls(String sourceUrl, String targetUrl) {
    return "source_database:\n"
        + "  url: \"" + sourceUrl + "\"\n"
        + "  username: scott\n"
        + "  password: \"" + SRC_PW + "\"\n"
        + "target_database:\n"
        + "  url: \"" + targetUrl + "\"\n"
        + "  username: app\n"
        + "  password: \"" + TGT_PW + "\"\n";
  }

  private static final String ONE_TABLE = "tables:\n  - HR.EMP\n";

  // ---------------------------------------------------------------- repair and large scripts

  @Test
  void repairAndMaxScriptRowsHaveDefaultsAndTakeValues() throws IOException {
    CompareConfig plain = load(urls("jdbc:h2:mem:a", "jdbc:oracle:thin:@//h:1521/S") + ONE_TABLE);
    assertEquals(new RepairSettings(5000, false), plain.repair());
    assertEquals(1_000_000L, plain.sync().maxScriptRows());
    CompareConfig set = load(urls("jdbc:h2:mem:a", "jdbc:oracle:thin:@//h:1521/S")
        + "sync:\n  max_script_rows: 250\nrepair:\n  batch_size: 20000\n  direct_path: true\n" + ONE_TABLE);
    assertEquals(new RepairSettings(20000, true), set.repair());
    assertEquals(250L, set.sync().maxScriptRows());
    assertTrue(set.describe().contains("repair: RepairSettings[batchSize=20000, directPath=true]"), set.describe());
    assertEquals(plain.comparisonHash(), set.comparisonHash(), "how rows are written changes no comparison");
  }

  // ---------------------------------------------------------------- URLs and platforms

  @Test
  void urlFormRecognisesOraclePostgresqlAndH2() throws IOException {
    CompareConfig c = load(urls("jdbc:oracle:thin:@//db1.example.com:1521/PROD",
        "jdbc:postgresql://db2.example.com:5432/app") + ONE_TABLE);
    assertEquals(Platform.ORACLE, c.source().platform());
    assertEquals("jdbc:oracle:thin:@//db1.example.com:1521/PROD", c.source().url());
    assertEquals("source", c.source().side());
    assertEquals("scott", c.source().username());
    assertEquals(SRC_PW, c.source().password());
    assertEquals(Platform.POSTGRESQL, c.target().platform());
    assertEquals("jdbc:postgresql://db2.example.com:5432/app", c.target().url());
    assertEquals("target", c.target().side());
    assertEquals(TGT_PW, c.target().password());

    CompareConfig h2 = load(urls("jdbc:h2:mem:src;MODE=Oracle", "JDBC:H2:mem:tgt") + ONE_TABLE);
    assertEquals(Platform.H2, h2.source().platform());
    assertEquals(Platform.H2, h2.target().platform(), "the prefix is matched case-insensitively");
    assertEquals("jdbc:h2:mem:src;MODE=Oracle", h2.source().url());
  }

  // ---------------------------------------------------------------- planning

  @Test
  void planningIsExactUnlessASamplingThresholdIsSet() throws IOException {
    String dbs = urls("jdbc:h2:mem:a", "jdbc:h2:mem:b");
    assertEquals(0, load(dbs + ONE_TABLE).settings().planSampleAboveRows());
    assertEquals(50_000_000, load(dbs + "comparison:\n  plan_sample_above_rows: 50000000\n" + ONE_TABLE)
        .settings().planSampleAboveRows());
    assertEquals(50_000_000, load(dbs + "comparison:\n  plan_sample_above_rows: 50000000\n  pushdown: false\n"
        + ONE_TABLE).settings().withoutPushdown().planSampleAboveRows(), "kept by --no-pushdown");
  }

  @Test
  void urlIsStrippedOfSurroundingBlanks() throws IOException {
    CompareConfig c = load(urls("  jdbc:h2:mem:a  ", "jdbc:h2:mem:b") + ONE_TABLE);
    assertEquals("jdbc:h2:mem:a", c.source().url());
  }

  @Test
  void oracleHostPortServiceNameBuildsThinServiceUrl() throws IOException {
    CompareConfig c = load("""
        source_database:
          host: prod-oracle.company.com
          port: 1522
          service_name: PROD.company.com
          username: ro
          password: x
        target_database:
          url: "jdbc:h2:mem:t"
        tables: [HR.EMP]
        """);
    assertEquals("jdbc:oracle:thin:@//prod-oracle.company.com:1522/PROD.company.com", c.source().url());
    assertEquals(Platform.ORACLE, c.source().platform());
    assertNull(c.target().username());
    assertNull(c.target().password());
  }

  @Test
  void oracleDefaultPortIs1521() throws IOException {
    CompareConfig c = load("""
        source_database:
          host: 10.0.0.5
          service_name: ORCL
        target_database:
          url: "jdbc:h2:mem:t"
        tables: [HR.EMP]
        """);
    assertEquals("jdbc:oracle:thin:@//10.0.0.5:1521/ORCL", c.source().url());
  }

  @Test
  void oracleDatabaseIsASynonymOfServiceName() throws IOException {
    CompareConfig c = load("""
        source_database:
          host: dr-oracle
          port: "1521"
          database: DRPROD
        target_database:
          url: "jdbc:h2:mem:t"
        tables: [HR.EMP]
        """);
    assertEquals("jdbc:oracle:thin:@//dr-oracle:1521/DRPROD", c.source().url());
  }

  @Test
  void oracleSidBuildsColonSidUrl() throws IOException {
    CompareConfig c = load("""
        source_database:
          url: "jdbc:h2:mem:s"
        target_database:
          host: legacy-db
          port: 1526
          sid: ORCL11
        tables: [HR.EMP]
        """);
    assertEquals("jdbc:oracle:thin:@legacy-db:1526:ORCL11", c.target().url());
    assertEquals(Platform.ORACLE, c.target().platform());
  }

  @Test
  void oracleIpv6HostInBrackets() throws IOException {
    CompareConfig c = load("""
        source_database:
          host: "[::1]"
          service_name: XE
        target_database:
          url: "jdbc:h2:mem:t"
        tables: [HR.EMP]
        """);
    assertEquals("jdbc:oracle:thin:@//[::1]:1521/XE", c.source().url());
  }

  @Test
  void driverPropertiesAreKeptAsStrings() throws IOException {
    CompareConfig c = load("""
        source_database:
          url: "jdbc:oracle:thin:@//h:1521/S"
          properties:
            oracle.jdbc.ReadTimeout: 600000
            oracle.net.ssl_server_dn_match: "true"
        target_database:
          url: "jdbc:h2:mem:t"
        tables: [HR.EMP]
        """);
    assertEquals(Map.of("oracle.jdbc.ReadTimeout", "600000", "oracle.net.ssl_server_dn_match", "true"),
        c.source().properties());
    assertEquals(Map.of(), c.target().properties());
  }

  /** Parallel query is off on Oracle comparison sessions unless the database's oracle: section turns it on. */
  @Test
  void oracleParallelQueryIsOffUnlessAsked() throws IOException {
    CompareConfig c = load("""
        source_database:
          url: "jdbc:oracle:thin:@//h:1521/S"
          oracle: { parallel_query: true }
        target_database:
          url: "jdbc:oracle:thin:@//h:1521/T"
        tables: [HR.EMP]
        """);
    assertEquals(new OracleOptions(true), c.source().oracle());
    assertEquals(OracleOptions.DEFAULT, c.target().oracle());
    assertFalse(c.target().oracle().parallelQuery());
  }

  // ---------------------------------------------------------------- comparison section

  @Test
  void comparisonDefaultsWhenSectionIsAbsent() throws IOException {
    Path f = write("cfgs/main.yaml", urls("jdbc:h2:mem:a", "jdbc:h2:mem:b") + ONE_TABLE);
    CompareConfig c = new ConfigLoader(noEnv).load(f);
    ComparisonSettings s = c.settings();
    Path base = f.toAbsolutePath().getParent();
    assertEquals(ComparisonSettings.DEFAULT_CHUNK_SIZE, s.chunkSize());
    assertEquals(10_000, s.chunkSize());
    assertEquals(4, s.threads());
    assertEquals(2, s.maxRetries());
    assertEquals(1_000, s.fetchSize());
    assertEquals(30, s.connectTimeoutSeconds());
    assertEquals(EmptyStringPolicy.AUTO, s.emptyStrings());
    assertEquals(base.resolve("oracle_comparison_state").normalize(), s.stateDir());
    assertEquals(base.resolve("oracle_checkpoints").normalize(), s.checkpointDir());
    assertEquals(base.normalize(), s.outputDir());
    assertEquals(f, c.file());
  }

  @Test
  void comparisonDefaultsWhenSectionIsEmpty() throws IOException {
    CompareConfig c = load(urls("jdbc:h2:mem:a", "jdbc:h2:mem:b") + "comparison:\n" + ONE_TABLE);
    assertEquals(10_000, c.settings().chunkSize());
    assertEquals(4, c.settings().threads());
    assertEquals(EmptyStringPolicy.AUTO, c.settings().emptyStrings());
  }

  @Test
  void progressIntervalAndReportRowsHaveDefaultsAndAreRead() throws IOException {
    CompareConfig c = load(urls("jdbc:h2:mem:a", "jdbc:h2:mem:b") + ONE_TABLE);
    assertEquals(30, c.settings().progressIntervalSeconds());
    assertEquals(100, c.settings().reportRows());
    c = load(urls("jdbc:h2:mem:a", "jdbc:h2:mem:b")
        + "comparison:\n  progress_interval_seconds: 5\n  report_rows: 0\n" + ONE_TABLE);
    assertEquals(5, c.settings().progressIntervalSeconds());
    assertEquals(0, c.settings().reportRows());
    assertEquals(5, c.settings().withoutPushdown().progressIntervalSeconds(), "kept by --no-pushdown");
  }

  @Test
  void comparisonValuesAreRead() throws IOException {
    Path abs = dir.resolve("absolute-out").toAbsolutePath();
    CompareConfig c = load(urls("jdbc:h2:mem:a", "jdbc:h2:mem:b") + """
        comparison:
          chunk_size: 5000
          threads: 8
          max_retries: 0
          fetch_size: "250"
          connect_timeout_seconds: 5
          empty_string: Distinct
          output_dir: "%s"
        """.formatted(abs.toString().replace("\\", "/")) + ONE_TABLE);
    ComparisonSettings s = c.settings();
    assertEquals(5000, s.chunkSize());
    assertEquals(8, s.threads());
    assertEquals(0, s.maxRetries());
    assertEquals(250, s.fetchSize());
    assertEquals(5, s.connectTimeoutSeconds());
    assertEquals(EmptyStringPolicy.DISTINCT, s.emptyStrings());
    assertEquals(abs.normalize(), s.outputDir(), "an absolute folder is kept as given");
  }

  @Test
  void recheckIsOnByDefaultAndReadPerRunAndPerTable() throws IOException {
    CompareConfig defaults = load(urls("jdbc:h2:mem:a", "jdbc:h2:mem:b") + ONE_TABLE);
    assertEquals(new RecheckSettings(2, 10), defaults.settings().recheck(), "on by default: 2 rounds, 10 s");
    assertTrue(defaults.settings().recheck().on());
    assertEquals(defaults.settings().recheck(), defaults.tables().get(0).recheckOr(defaults.settings().recheck()));

    CompareConfig c = load(urls("jdbc:h2:mem:a", "jdbc:h2:mem:b") + """
        comparison:
          recheck: { rounds: 3, delay_seconds: 30 }
        tables:
          - HR.EMP
          - table_name: HR.HOT
            recheck: { delay_seconds: 120 }
          - table_name: HR.STATIC
            recheck:
              rounds: 0
        """);
    RecheckSettings run = c.settings().recheck();
    assertEquals(new RecheckSettings(3, 30), run);
    assertEquals(run, c.tables().get(0).recheckOr(run), "a table without its own takes the run's");
    assertEquals(new RecheckSettings(3, 120), c.tables().get(1).recheckOr(run), "a key left out keeps the run's");
    assertEquals(new RecheckSettings(0, 30), c.tables().get(2).recheckOr(run));
    assertTrue(!c.tables().get(2).recheckOr(run).on(), "rounds: 0 turns it off");
    assertEquals(run, c.settings().withoutPushdown().recheck(), "--no-pushdown keeps the recheck");
  }

  @Test
  void recheckSettingsDoNotChangeWhatTheComparisonMeans() throws IOException {
    String base = urls("jdbc:h2:mem:a", "jdbc:h2:mem:b");
    assertEquals(load(base + ONE_TABLE).comparisonHash(),
        load(base + "comparison:\n  recheck: { rounds: 0 }\n" + ONE_TABLE).comparisonHash(),
        "a session may be resumed with other recheck settings");
  }

  @Test
  void emptyStringPolicyNull() throws IOException {
    CompareConfig c = load(urls("jdbc:h2:mem:a", "jdbc:h2:mem:b") + "comparison:\n  empty_string: \"null\"\n"
        + ONE_TABLE);
    assertEquals(EmptyStringPolicy.NULL, c.settings().emptyStrings());
  }

  @Test
  void relativeFoldersAreResolvedAgainstTheConfigFilesFolder() throws IOException {
    Path f = write("deep/nested/compare.yaml", urls("jdbc:h2:mem:a", "jdbc:h2:mem:b") + """
        comparison:
          state_dir: state
          checkpoint_dir: ../cp
          output_dir: ./out/reports
        """ + ONE_TABLE);
    ComparisonSettings s = new ConfigLoader(noEnv).load(f).settings();
    Path base = dir.resolve("deep/nested").toAbsolutePath();
    assertEquals(base.resolve("state").normalize(), s.stateDir());
    assertEquals(dir.resolve("deep/cp").toAbsolutePath().normalize(), s.checkpointDir());
    assertEquals(base.resolve("out/reports").normalize(), s.outputDir());
    assertTrue(s.stateDir().isAbsolute());
  }

  // ---------------------------------------------------------------- environment variables

  @Test
  void environmentVariablesAreSubstituted() throws IOException {
    Map<String, String> env = Map.of("SRC_PASSWORD", "from-env-pw", "DB_HOST", "envhost", "THREADS", "6",
        "SCHEMA", "SALES");
    Path f = write("config.yaml", """
        source_database:
          host: "${DB_HOST}"
          service_name: "SVC_${SCHEMA}"
          username: ro
          password: "${SRC_PASSWORD}"
        target_database:
          url: "jdbc:h2:mem:${SCHEMA}"
          password: "a${SRC_PASSWORD}b$NOT_A_REF"
        comparison:
          threads: "${THREADS}"
        tables:
          - table_name: "${SCHEMA}.ORDERS"
            where: "REGION = '${SCHEMA}'"
        """);
    CompareConfig c = new ConfigLoader(env::get).load(f);
    assertEquals("jdbc:oracle:thin:@//envhost:1521/SVC_SALES", c.source().url());
    assertEquals("from-env-pw", c.source().password());
    assertEquals("jdbc:h2:mem:SALES", c.target().url());
    assertEquals("afrom-env-pwb$NOT_A_REF", c.target().password(), "only ${NAME} is a reference");
    assertEquals(6, c.settings().threads());
    assertEquals("SALES", c.tables().get(0).source().schema().text());
    assertEquals(Optional.of("REGION = 'SALES'"), c.tables().get(0).where());
  }

  @Test
  void substitutedValueIsNotSubstitutedAgain() throws IOException {
    Map<String, String> env = Map.of("PW", "${OTHER}$1\\x");
    Path f = write("config.yaml", urls("jdbc:h2:mem:a", "jdbc:h2:mem:b").replace(SRC_PW, "${PW}") + ONE_TABLE);
    CompareConfig c = new ConfigLoader(env::get).load(f);
    assertEquals("${OTHER}$1\\x", c.source().password(), "the value is inserted literally");
  }

  // ---------------------------------------------------------------- tables

  @Test
  void tableOptionsAreRead() throws IOException {
    CompareConfig c = load(urls("jdbc:h2:mem:a", "jdbc:h2:mem:b") + """
        tables:
          - table_name: HR.EMPLOYEES
            primary_key: [EMPLOYEE_ID, '"Dept"']
            chunk_size: 2500
            columns: [NAME, SALARY]
          - table_name: SALES.ORDERS
            exclude_columns: [LAST_UPDATED]
            where: "  REGION = 'EU' AND (STATUS IN ('A', 'B'))  "
            target_table: SALES_DR.ORDERS_COPY
          - table_name: X.Y
            primary_key: ID
        """);
    List<TableConfig> t = c.tables();
    assertEquals(3, t.size());

    TableConfig emp = t.get(0);
    assertEquals("HR.EMPLOYEES", emp.source().display());
    assertEquals(emp.source(), emp.target(), "without target_table the target has the same name");
    assertEquals(List.of(new Identifier("EMPLOYEE_ID", false), new Identifier("Dept", true)), emp.primaryKey());
    assertEquals(Optional.of(2500), emp.chunkSize());
    assertEquals(List.of(new Identifier("NAME", false), new Identifier("SALARY", false)), emp.columns());
    assertEquals(List.of(), emp.excludeColumns());
    assertEquals(Optional.empty(), emp.where());
    assertEquals("HR_EMPLOYEES", emp.key());

    TableConfig orders = t.get(1);
    assertEquals(List.of(), orders.primaryKey());
    assertEquals(Optional.empty(), orders.chunkSize());
    assertEquals(List.of(), orders.columns());
    assertEquals(List.of(new Identifier("LAST_UPDATED", false)), orders.excludeColumns());
    assertEquals(Optional.of("REGION = 'EU' AND (STATUS IN ('A', 'B'))"), orders.where(), "the filter is stripped");
    assertEquals("SALES_DR.ORDERS_COPY", orders.target().display());
    assertEquals("SALES.ORDERS", orders.source().display());

    assertEquals(List.of(new Identifier("ID", false)), t.get(2).primaryKey(), "a single name is a one-element list");
  }

  @Test
  void plainStringTableEntries() throws IOException {
    CompareConfig c = load(urls("jdbc:h2:mem:a", "jdbc:h2:mem:b") + """
        tables:
          - HR.EMP
          - table_name: HR.DEPT
          - sales.orders
        """);
    assertEquals(List.of("HR.EMP", "HR.DEPT", "sales.orders"),
        c.tables().stream().map(t -> t.source().display()).toList());
    TableConfig plain = c.tables().get(0);
    assertEquals(List.of(), plain.primaryKey());
    assertEquals(Optional.empty(), plain.where());
    assertEquals(plain.source(), plain.target());
    assertFalse(c.tables().get(2).source().table().quoted());
    assertEquals("orders", c.tables().get(2).source().table().text(), "unquoted names are kept as written");
  }

  @Test
  void whereWithSemicolonOrCommentMarkersInsideStringLiteralIsAccepted() throws IOException {
    CompareConfig c = load(urls("jdbc:h2:mem:a", "jdbc:h2:mem:b") + """
        tables:
          - table_name: HR.EMP
            where: "NOTE <> 'a;b -- c /* d' AND NAME = 'O''Brien' AND X - -1 > 0"
        """);
    assertEquals(Optional.of("NOTE <> 'a;b -- c /* d' AND NAME = 'O''Brien' AND X - -1 > 0"),
        c.tables().get(0).where());
  }

  @Test
  void quotedIdentifiersKeepTheirCase() throws IOException {
    CompareConfig c = load(urls("jdbc:h2:mem:a", "jdbc:h2:mem:b") + """
        tables:
          - table_name: '"Mixed"."Case Table"'
            primary_key: ['"Id"']
            columns: ['"lower_col"', UPPER_COL]
          - table_name: 'hr."Quote""d"'
        """);
    TableName n = c.tables().get(0).source();
    assertEquals(new Identifier("Mixed", true), n.schema());
    assertEquals(new Identifier("Case Table", true), n.table());
    assertEquals("\"Mixed\".\"Case Table\"", n.display());
    assertEquals("Mixed_Case-20Table", n.key());
    assertEquals(List.of(new Identifier("Id", true)), c.tables().get(0).primaryKey());
    assertEquals(List.of(new Identifier("lower_col", true), new Identifier("UPPER_COL", false)),
        c.tables().get(0).columns());
    TableName q = c.tables().get(1).source();
    assertEquals(new Identifier("hr", false), q.schema());
    assertEquals(new Identifier("Quote\"d", true), q.table());
    assertEquals("hr.\"Quote\"\"d\"", q.display());
  }

  // ---------------------------------------------------------------- comparison hash

  private static final String HASH_BASE = """
      source_database:
        url: "jdbc:oracle:thin:@//db1:1521/PROD"
        username: ro
        password: "first-password"
      target_database:
        url: "jdbc:postgresql://db2:5432/app"
        username: app
        password: "other-password"
      comparison:
        chunk_size: 10000
        threads: 4
        state_dir: state
        checkpoint_dir: cp
        output_dir: out
      tables:
        - table_name: HR.EMP
          primary_key: [ID]
          where: "REGION = 'EU'"
        - table_name: HR.DEPT
          exclude_columns: [UPDATED]
      """;

  private String hashOf(String name, String yaml) throws IOException {
    return new ConfigLoader(noEnv).load(write(name + "/config.yaml", yaml)).comparisonHash();
  }

  @Test
  void comparisonHashIsStableAndIgnoresPasswordsThreadsChunkSizeAndFolders() throws IOException {
    String base = hashOf("base", HASH_BASE);
    assertEquals(base, hashOf("again", HASH_BASE), "same configuration, same hash");
    assertEquals(16, base.length());
    assertTrue(base.matches("[0-9a-f]{16}"), base);

    assertEquals(base, hashOf("pw", HASH_BASE.replace("first-password", "changed-password")));
    assertEquals(base, hashOf("nopw", HASH_BASE.replace("  password: \"other-password\"\n", "")));
    assertEquals(base, hashOf("threads", HASH_BASE.replace("threads: 4", "threads: 16")));
    assertEquals(base, hashOf("chunk", HASH_BASE.replace("chunk_size: 10000", "chunk_size: 777")));
    assertEquals(base, hashOf("tchunk", HASH_BASE.replace("primary_key: [ID]", "primary_key: [ID]\n    chunk_size: 5")));
    assertEquals(base, hashOf("dirs", HASH_BASE.replace("state_dir: state", "state_dir: /tmp/elsewhere")
        .replace("checkpoint_dir: cp", "checkpoint_dir: cp2").replace("output_dir: out", "output_dir: ../o")));
    assertEquals(base, hashOf("retries", HASH_BASE.replace("threads: 4", "threads: 4\n  max_retries: 7\n  fetch_size: 50")));
    // a different folder for the config file itself does not matter either
    assertEquals(base, hashOf("some/where/else", HASH_BASE));
  }

  @Test
  void comparisonHashIgnoresPasswordsEmbeddedInUrls() throws IOException {
    String a = hashOf("a", HASH_BASE.replace("jdbc:postgresql://db2:5432/app",
        "jdbc:postgresql://db2:5432/app?user=app&password=one"));
    String b = hashOf("b", HASH_BASE.replace("jdbc:postgresql://db2:5432/app",
        "jdbc:postgresql://db2:5432/app?user=app&password=two"));
    assertEquals(a, b);
  }

  @Test
  void comparisonHashChangesWithWhatTheComparisonMeans() throws IOException {
    String base = hashOf("base", HASH_BASE);
    Map<String, String> variants = Map.ofEntries(
        Map.entry("added table", HASH_BASE + "  - HR.JOBS\n"),
        Map.entry("removed table", HASH_BASE.replace("  - table_name: HR.DEPT\n    exclude_columns: [UPDATED]\n", "")),
        Map.entry("renamed table", HASH_BASE.replace("HR.DEPT", "HR.DEPARTMENTS")),
        Map.entry("target table", HASH_BASE.replace("HR.DEPT\n", "HR.DEPT\n    target_table: DR.DEPT\n")),
        Map.entry("filter", HASH_BASE.replace("REGION = 'EU'", "REGION = 'US'")),
        Map.entry("filter removed", HASH_BASE.replace("    where: \"REGION = 'EU'\"\n", "")),
        Map.entry("key", HASH_BASE.replace("primary_key: [ID]", "primary_key: [ID, VERSION]")),
        Map.entry("excluded columns", HASH_BASE.replace("exclude_columns: [UPDATED]", "exclude_columns: [CREATED]")),
        Map.entry("columns", HASH_BASE.replace("exclude_columns: [UPDATED]", "columns: [UPDATED]")),
        Map.entry("source url", HASH_BASE.replace("db1:1521/PROD", "db1:1521/TEST")),
        Map.entry("target url", HASH_BASE.replace("db2:5432/app", "db3:5432/app")),
        Map.entry("source user", HASH_BASE.replace("username: ro", "username: rw")),
        Map.entry("empty strings", HASH_BASE.replace("threads: 4", "threads: 4\n  empty_string: distinct")));
    int i = 0;
    for (Map.Entry<String, String> v : variants.entrySet()) {
      assertNotEquals(HASH_BASE, v.getValue(), "variant '" + v.getKey() + "' must change the YAML");
      assertNotEquals(base, hashOf("v" + i++, v.getValue()), "variant '" + v.getKey() + "' must change the hash");
    }
  }

  // ---------------------------------------------------------------- secrets

  @Test
  void toStringAndDescribeNeverShowPasswords() throws IOException {
    Map<String, String> env = Map.of("ENV_PW", "Env-Secret-4455");
    Path f = write("config.yaml", """
        source_database:
          url: "jdbc:oracle:thin:scott/Url-Secret-1122@//db1:1521/PROD"
          username: scott
          password: "Plain-Secret-3344"
        target_database:
          url: "jdbc:postgresql://db2:5432/app?user=app&password=Query-Secret-6677"
          username: app
          password: "${ENV_PW}"
        tables:
          - HR.EMP
        """);
    CompareConfig c = new ConfigLoader(env::get).load(f);
    assertEquals("Plain-Secret-3344", c.source().password());
    assertEquals("Env-Secret-4455", c.target().password());
    List<String> shown = List.of(c.toString(), c.describe(), c.source().toString(), c.target().toString(),
        c.source().describe(), c.target().describe(), c.source().displayUrl(), c.target().displayUrl());
    for (String s : shown) {
      for (String secret : List.of("Plain-Secret-3344", "Env-Secret-4455", "Url-Secret-1122", "Query-Secret-6677")) {
        assertFalse(s.contains(secret), () -> "'" + secret + "' appears in: " + s);
      }
    }
    assertTrue(c.describe().contains("db1:1521/PROD"), c.describe());
    assertTrue(c.describe().contains("db2:5432/app"), c.describe());
    assertTrue(c.describe().contains(f.toString()), c.describe());
    assertTrue(c.source().toString().contains("password=" + Secrets.MASK), c.source().toString());
    assertEquals("scott @ jdbc:oracle:thin:scott/****@//db1:1521/PROD", c.source().describe());
  }

  @Test
  void toStringWithoutPasswordSaysNone() throws IOException {
    CompareConfig c = load("""
        source_database: { url: "jdbc:h2:mem:a" }
        target_database: { url: "jdbc:h2:mem:b" }
        tables: [HR.EMP]
        """);
    assertTrue(c.source().toString().contains("password=<none>"), c.source().toString());
    assertEquals("jdbc:h2:mem:a", c.source().describe());
  }

  // ---------------------------------------------------------------- table keys

  /** Before keys were made unique, these two shared one session entry and one set of checkpoints. */
  @Test
  void tablesWhoseOldKeysCollidedGetTwoKeys() throws IOException {
    CompareConfig c = load(urls("jdbc:h2:mem:a", "jdbc:h2:mem:b")
        + "tables:\n  - '\"A_B\".\"C\"'\n  - '\"A\".\"B_C\"'\n  - APP_OWNER.ORDERS\n  - APP.OWNER_ORDERS\n");
    assertEquals(List.of("A__B_C", "A_B_C", "APP__OWNER_ORDERS", "APP_OWNER_ORDERS"),
        c.tables().stream().map(TableConfig::key).toList());
  }

  @Test
  void twoTablesWhoseKeysDifferOnlyInCaseAreOneClearConfigError() throws IOException {
    Path f = write("keys.yaml", urls("jdbc:h2:mem:a", "jdbc:h2:mem:b")
        + "tables:\n  - HR.DEPT\n  - '\"Hr\".\"Emp\"'\n  - '\"HR\".\"emp\"'\n");
    io.dbcompare.error.CompareException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.dbcompare.error.CompareException.class, () -> new ConfigLoader(noEnv).load(f));
    assertEquals(io.dbcompare.error.ErrorCode.CONFIG, e.code());
    assertEquals(3, e.exitCode());
    String m = e.getMessage();
    assertFalse(m.contains("\n"), m);
    assertTrue(m.startsWith(f + ": tables[2].table_name: '\"HR\".\"emp\"' and tables[1] '\"Hr\".\"Emp\"' would share"),
        m);
    assertTrue(m.contains("'HR_emp' and 'Hr_Emp' differ only in upper and lower case"), m);
    assertTrue(m.contains("two configuration files"), m);
  }
}
