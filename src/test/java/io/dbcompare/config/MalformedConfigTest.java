package io.dbcompare.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed configurations. Each must fail with a CONFIG error (exit status 3) whose message
 * is one line, starts with the file, names the offending key and never shows a password.
 */
class MalformedConfigTest {

  /** Every password value used anywhere in the corpus (directly, inside URLs, or through the environment). */
  private static final List<String> SECRETS =
      List.of("Pw-Source-1234", "Pw-Target-5678", "tiger-Secret-99", "Env-Secret-4242");

  /** The environment the loader sees: one variable holding a secret; every other name is unset. */
  private static final Map<String, String> ENV = Map.of("GOOD_PW", "Env-Secret-4242", "NEWLINE_VAL", "A\nB");

  private static final String SRC = """
      source_database:
        url: "jdbc:h2:mem:src"
        username: sa
        password: "Pw-Source-1234"
      """;
  private static final String TGT = """
      target_database:
        url: "jdbc:postgresql://db.example.com:5432/app"
        username: app
        password: "Pw-Target-5678"
      """;
  private static final String DBS = SRC + TGT;
  private static final String TABLES = "tables:\n  - HR.EMP\n";

  /** One malformed configuration: its YAML and the fragments its error message must contain. */
  record Case(String name, String yaml, List<String> fragments) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case c(String name, String yaml, String... fragments) {
    return new Case(name, yaml, List.of(fragments));
  }

  private static String table(String body) {
    return DBS + "tables:\n  - table_name: HR.EMP\n" + body;
  }

  static Stream<Case> corpus() {
    return Stream.of(
        // ---------------------------------------------------------------- YAML syntax
        c("unclosed flow sequence", DBS + "tables: [HR.EMP\n", "YAML syntax error at line"),
        c("bad indentation", "source_database:\n    url: \"jdbc:h2:mem:a\"\n  username: sa\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "YAML syntax error at line 3"),
        c("tab indentation", "source_database:\n\turl: \"jdbc:h2:mem:a\"\n\tpassword: \"Pw-Source-1234\"\n" + TGT
            + TABLES, "YAML syntax error at line 2"),
        c("tab before table item", DBS + "tables:\n\t- HR.EMP\n", "YAML syntax error at line"),
        c("mapping value in plain scalar", DBS + "comparison:\n  output_dir: a: b\n" + TABLES,
            "YAML syntax error at line 10"),
        c("unterminated double quote", "source_database:\n  url: \"jdbc:h2:mem:a\n  password: \"Pw-Source-1234\"\n"
            + TGT + TABLES, "YAML syntax error"),
        c("unknown tag", DBS + "tables: !!java.io.File [x]\n", "YAML syntax error", "line 9"),
        c("unquoted password starting with *", "source_database:\n  url: \"jdbc:h2:mem:a\"\n"
            + "  password: *Pw-Source-1234\n" + TGT + TABLES, "YAML syntax error at line 3", "alias", "quote"),
        c("unquoted password starting with !", "source_database:\n  url: \"jdbc:h2:mem:a\"\n"
            + "  password: !Pw-Source-1234\n" + TGT + TABLES, "YAML syntax error at line 3", "tag", "quote"),
        c("unquoted password starting with !!", SRC + "target_database:\n  url: \"jdbc:h2:mem:b\"\n"
            + "  password: !!Pw-Target-5678\n" + TABLES, "YAML syntax error at line 7", "tag"),
        c("unquoted password with verbatim tag", "source_database:\n  url: \"jdbc:h2:mem:a\"\n"
            + "  password: !<Pw-Source-1234> x\n" + TGT + TABLES, "YAML syntax error at line 3"),
        c("unquoted password with undefined tag handle", "source_database:\n  url: \"jdbc:h2:mem:a\"\n"
            + "  password: !Pw-Source-1234!x y\n" + TGT + TABLES, "YAML syntax error at line 3"),
        c("password with bad unicode escape", "source_database:\n  url: \"jdbc:h2:mem:a\"\n"
            + "  password: \"\\uPw-Source-1234\"\n" + TGT + TABLES, "YAML syntax error at line 3"),
        c("duplicate top-level key", DBS + TABLES + TABLES, "duplicate key", "tables"),
        c("duplicate password key", "source_database:\n  url: \"jdbc:h2:mem:a\"\n  password: \"Pw-Source-1234\"\n"
            + "  password: \"tiger-Secret-99\"\n" + TGT + TABLES, "duplicate key", "password"),
        c("duplicate table key", table("    where: \"A = 1\"\n    where: \"A = 2\"\n"), "duplicate key", "where"),
        c("empty file", "", "must be a YAML mapping", "source_database"),
        c("comment-only file", "# nothing here\n", "must be a YAML mapping", "tables"),
        c("root is a list", "- source_database\n- target_database\n", "must be a YAML mapping"),
        c("root is a scalar", "just some text\n", "must be a YAML mapping"),

        // ---------------------------------------------------------------- unknown keys
        c("typo at top level", DBS + "tabels:\n  - HR.EMP\n", ": tabels: unknown key", "did you mean 'tables'"),
        c("unknown top-level key", DBS + TABLES + "extra: 1\n", ": extra: unknown key", "allowed keys:"),
        c("numeric top-level key", DBS + TABLES + "42: x\n", ": 42: unknown key"),
        c("typo chunk_sise in comparison", DBS + "comparison:\n  chunk_sise: 100\n" + TABLES,
            "comparison.chunk_sise: unknown key", "did you mean 'chunk_size'"),
        c("typo thread in comparison", DBS + "comparison:\n  thread: 2\n" + TABLES,
            "comparison.thread", "did you mean 'threads'"),
        c("typo in database section", "source_database:\n  url: \"jdbc:h2:mem:a\"\n  usernme: sa\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES,
            "source_database.usernme: unknown key", "did you mean 'username'"),
        c("typo pasword carrying the secret", DBS.replace("  password: \"Pw-Target-5678\"", "  pasword: \"Pw-Target-5678\"")
            + TABLES, "target_database.pasword: unknown key", "did you mean 'password'"),
        c("typo chunk_sise in table", table("    chunk_sise: 10\n"), "tables[0].chunk_sise: unknown key",
            "did you mean 'chunk_size'"),
        c("typo primary_keys in table", table("    primary_keys: [ID]\n"), "tables[0].primary_keys",
            "did you mean 'primary_key'"),
        c("unknown table key", table("    comment: hello\n"), "tables[0].comment: unknown key"),

        // ---------------------------------------------------------------- sections
        c("missing source section", TGT + TABLES, "source_database: missing"),
        c("missing target section", SRC + TABLES, "target_database: missing"),
        c("empty target section", SRC + "target_database:\n" + TABLES, "target_database: missing"),
        c("source section is a scalar", "source_database: jdbc:h2:mem:a\n" + TGT + TABLES,
            "source_database: must be a mapping"),
        c("target section is a url with credentials", SRC
            + "target_database: \"jdbc:oracle:thin:scott/tiger-Secret-99@//h:1521/S\"\n" + TABLES,
            "target_database: must be a mapping"),
        c("target section is a misspelt url with credentials", SRC
            + "target_database: \"jdbc:oracel:thin:scott/tiger-Secret-99@//h:1521/S\"\n" + TABLES,
            "target_database: must be a mapping"),
        c("source section is a list", "source_database:\n  - url: jdbc:h2:mem:a\n" + TGT + TABLES,
            "source_database: must be a mapping"),
        c("comparison is a list", DBS + "comparison: [1, 2]\n" + TABLES, "comparison: must be a mapping"),
        c("properties is a list", "source_database:\n  url: \"jdbc:h2:mem:a\"\n  properties: [a, b]\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "source_database.properties: must be a mapping"),
        c("property without value", "source_database:\n  url: \"jdbc:h2:mem:a\"\n  properties:\n    ssl:\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "source_database.properties.ssl: missing"),
        // ---------------------------------------------------------------- oracle section
        c("oracle section on a PostgreSQL database", SRC + TGT + "  oracle:\n    parallel_query: true\n" + TABLES,
            "target_database.oracle: is only for an Oracle database", "postgresql"),
        c("oracle section with an unknown key", "source_database:\n  url: \"jdbc:oracle:thin:@//h:1521/S\"\n"
            + "  password: \"Pw-Source-1234\"\n  oracle:\n    parallel_queries: true\n" + TGT + TABLES,
            "source_database.oracle.parallel_queries: unknown key", "did you mean 'parallel_query'?"),
        c("oracle parallel_query is not a boolean", "source_database:\n  url: \"jdbc:oracle:thin:@//h:1521/S\"\n"
            + "  password: \"Pw-Source-1234\"\n  oracle:\n    parallel_query: sometimes\n" + TGT + TABLES,
            "source_database.oracle.parallel_query: must be true or false"),
        c("oracle section is a value", "source_database:\n  url: \"jdbc:oracle:thin:@//h:1521/S\"\n"
            + "  password: \"Pw-Source-1234\"\n  oracle: on\n" + TGT + TABLES, "source_database.oracle: must be a mapping"),

        // ---------------------------------------------------------------- comparison.snapshot
        c("snapshot is a value", DBS + "comparison:\n  snapshot: scn\n" + TABLES,
            "comparison.snapshot: must be a mapping", "none, scn, exported"),
        c("snapshot with an unknown key", DBS + "comparison:\n  snapshot:\n    mod: scn\n" + TABLES,
            "comparison.snapshot.mod: unknown key", "did you mean 'mode'?"),
        c("snapshot without a mode", DBS + "comparison:\n  snapshot: {}\n" + TABLES,
            "comparison.snapshot.mode: missing"),
        c("snapshot mode unknown", DBS + "comparison:\n  snapshot:\n    mode: flashback\n" + TABLES,
            "comparison.snapshot.mode: 'flashback' is not allowed", "none, scn, exported"),
        c("snapshot scn on H2 and PostgreSQL", DBS + "comparison:\n  snapshot:\n    mode: scn\n" + TABLES,
            "comparison.snapshot.mode: scn needs oracle on both sides", "the source is h2", "use none"),
        c("snapshot scn with a PostgreSQL target", "source_database:\n  url: \"jdbc:oracle:thin:@//h:1521/S\"\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + "comparison:\n  snapshot:\n    mode: scn\n" + TABLES,
            "comparison.snapshot.mode: scn needs oracle on both sides", "the target is postgresql"),
        c("snapshot exported with an H2 source", DBS + "comparison:\n  snapshot:\n    mode: exported\n" + TABLES,
            "comparison.snapshot.mode: exported needs postgresql on both sides", "the source is h2",
            "pg_export_snapshot"),
        c("snapshot exported with an Oracle source", "source_database:\n  url: \"jdbc:oracle:thin:@//h:1521/S\"\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + "comparison:\n  snapshot:\n    mode: exported\n"
            + TABLES, "comparison.snapshot.mode: exported needs postgresql on both sides", "the source is oracle",
            "scn needs Oracle on both sides"),

        // ---------------------------------------------------------------- url / host
        c("missing url and host", "source_database:\n  username: sa\n  password: \"Pw-Source-1234\"\n" + TGT + TABLES,
            "source_database.url: missing"),
        c("both url and host", "source_database:\n  url: \"jdbc:h2:mem:a\"\n  host: db1\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "source_database.host", "not both"),
        c("url and service_name", SRC + "target_database:\n  url: \"jdbc:oracle:thin:@//h:1521/S\"\n"
            + "  service_name: S\n  password: \"Pw-Target-5678\"\n" + TABLES, "target_database.service_name"),
        c("empty url", "source_database:\n  url: \"  \"\n  password: \"Pw-Source-1234\"\n" + TGT + TABLES,
            "source_database.url: is empty"),
        c("url is a list", "source_database:\n  url: [jdbc:h2:mem:a]\n  password: \"Pw-Source-1234\"\n" + TGT + TABLES,
            "source_database.url: must be a single value"),
        c("unknown platform lists supported prefixes", "source_database:\n  url: \"jdbc:mysql://h:3306/db\"\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "source_database.url",
            "unsupported JDBC URL 'jdbc:mysql:",
            "jdbc:oracle:, jdbc:postgresql:, jdbc:h2:"),
        c("misspelt platform with password in url", SRC + "target_database:\n"
            + "  url: \"jdbc:oracel:thin:scott/tiger-Secret-99@//h:1521/S\"\n" + TABLES,
            "target_database.url", "'jdbc:oracel:...'", "jdbc:oracle:, jdbc:postgresql:, jdbc:h2:"),
        c("url without jdbc prefix carrying credentials", SRC + "target_database:\n"
            + "  url: \"postgresql://app:tiger-Secret-99@h/db\"\n" + TABLES, "target_database.url",
            "does not start with 'jdbc:'", "jdbc:h2:"),
        c("bad host name", "source_database:\n  host: \"db1; rm -rf\"\n  service_name: S\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "source_database.host", "not a host name"),
        c("port 0", "source_database:\n  host: db1\n  port: 0\n  service_name: S\n  password: \"Pw-Source-1234\"\n"
            + TGT + TABLES, "source_database.port", "1..65535"),
        c("port 70000", "source_database:\n  host: db1\n  port: 70000\n  service_name: S\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "source_database.port", "70000"),
        c("port abc", "source_database:\n  host: db1\n  port: \"abc\"\n  service_name: S\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "source_database.port", "not a whole number"),
        c("port is a fraction", "source_database:\n  host: db1\n  port: 1521.5\n  service_name: S\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "source_database.port", "whole number"),
        c("no service_name nor sid", "source_database:\n  host: db1\n  password: \"Pw-Source-1234\"\n" + TGT + TABLES,
            "source_database.service_name"),
        c("service_name and sid", "source_database:\n  host: db1\n  service_name: S\n  sid: ORCL\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "source_database.service_name", "exactly one"),
        c("service_name and database", "source_database:\n  host: db1\n  service_name: S\n  database: S\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "source_database.database", "synonym"),
        c("bad service name", "source_database:\n  host: db1\n  service_name: \"PROD/x y\"\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "source_database.service_name"),
        c("bad sid", "source_database:\n  host: db1\n  sid: \"OR CL\"\n  password: \"Pw-Source-1234\"\n" + TGT
            + TABLES, "source_database.sid"),
        c("username is a mapping", "source_database:\n  url: \"jdbc:h2:mem:a\"\n  username: {a: b}\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "source_database.username: must be a single value"),

        // ---------------------------------------------------------------- environment
        c("missing env variable in password", "source_database:\n  url: \"jdbc:h2:mem:a\"\n"
            + "  password: \"${SRC_DB_PASSWORD}\"\n" + TGT + TABLES, "source_database.password",
            "SRC_DB_PASSWORD", "not set"),
        c("missing env variable after a set one", SRC + "target_database:\n  url: \"jdbc:h2:mem:${GOOD_PW}${NO_DB}\"\n"
            + "  password: \"${GOOD_PW}\"\n" + TABLES, "target_database.url", "NO_DB"),
        c("missing env variable in port", "source_database:\n  host: db1\n  port: \"${DB_PORT}\"\n  service_name: S\n"
            + "  password: \"Pw-Source-1234\"\n" + TGT + TABLES, "source_database.port", "DB_PORT"),
        c("missing env variable in table name", DBS + "tables:\n  - \"${SCHEMA}.EMP\"\n", "tables[0].table_name",
            "SCHEMA"),

        // ---------------------------------------------------------------- tables
        c("tables missing", DBS, "tables: missing"),
        c("tables null", DBS + "tables:\n", "tables: missing"),
        c("empty table list", DBS + "tables: []\n", "tables: is empty"),
        c("tables not a list", DBS + "tables: HR.EMP\n", "tables: must be a list"),
        c("tables a mapping", DBS + "tables:\n  table_name: HR.EMP\n", "tables: must be a list"),
        c("table entry a number", DBS + "tables:\n  - 42\n", "tables[0]", "table name or a mapping"),
        c("table entry a list", DBS + "tables:\n  - HR.EMP\n  - [HR.DEPT]\n", "tables[1]"),
        c("table entry null", DBS + "tables:\n  -\n", "tables[0]"),
        c("table_name missing", DBS + "tables:\n  - primary_key: [ID]\n", "tables[0].table_name: missing"),
        // a bare name (no schema) is the user's default schema since issue 11: see SchemaConfigTest, TableNameTest
        c("three-part table name", DBS + "tables:\n  - DB.HR.EMP\n", "tables[0].table_name"),
        c("hostile name with statement", DBS + "tables:\n  - \"EMP; DROP TABLE X\"\n", "tables[0].table_name",
            "not a valid identifier"),
        c("hostile name with comment", DBS + "tables:\n  - HR.EMP--x\n", "tables[0].table_name"),
        c("quote then text", DBS + "tables:\n  - 'HR.\"A\"B'\n", "tables[0].table_name"),
        c("unterminated quoted name", DBS + "tables:\n  - '\"HR\".\"EMP'\n", "tables[0].table_name"),
        c("empty quoted name", DBS + "tables:\n  - 'HR.\"\"'\n", "tables[0].table_name"),
        c("name with line break", DBS + "tables:\n  - \"HR.EMP\\nX\"\n", "tables[0].table_name"),
        c("hostile target_table", table("    target_table: \"HR.EMP; DELETE FROM HR.EMP\"\n"),
            "tables[0].target_table"),
        c("duplicate tables", DBS + "tables:\n  - HR.EMP\n  - HR.DEPT\n  - HR.EMP\n", "tables[2].table_name",
            "listed twice"),
        c("duplicate tables differing in case", DBS + "tables:\n  - HR.EMP\n  - table_name: hr.emp\n",
            "tables[1].table_name", "listed twice"),
        c("duplicate tables quoted and unquoted", DBS + "tables:\n  - HR.EMP\n  - '\"HR\".\"EMP\"'\n",
            "tables[1].table_name", "listed twice"),

        // ---------------------------------------------------------------- where
        c("where with semicolon", table("    where: \"A = 1; DROP TABLE HR.EMP\"\n"), "tables[0].where", "';'"),
        c("where with line comment", table("    where: \"A = 1 -- and more\"\n"), "tables[0].where", "comments"),
        c("where with block comment", table("    where: \"A = 1 /* x */\"\n"), "tables[0].where", "comments"),
        c("where with unbalanced quote", table("    where: \"NAME = 'O'Brien'\"\n"), "tables[0].where",
            "unterminated"),
        c("where with unbalanced open paren", table("    where: \"(A = 1 OR B = 2\"\n"), "tables[0].where",
            "unmatched '('"),
        c("where with unbalanced close paren", table("    where: \"A = 1) OR (B = 2\"\n"), "tables[0].where",
            "unmatched ')'"),
        c("where empty", table("    where: \"   \"\n"), "tables[0].where: is empty"),
        c("where a list", table("    where: [A = 1]\n"), "tables[0].where: must be a single value"),
        c("where with line break and semicolon", table("    where: \"A = 1;\\nDROP TABLE X\"\n"), "tables[0].where"),

        // ---------------------------------------------------------------- columns
        c("columns and exclude_columns", table("    columns: [A]\n    exclude_columns: [B]\n"),
            "tables[0].exclude_columns", "not both"),
        c("empty columns", table("    columns: []\n"), "tables[0].columns: is an empty list"),
        c("empty exclude_columns", table("    exclude_columns: []\n"), "tables[0].exclude_columns"),
        c("empty primary_key", table("    primary_key: []\n"), "tables[0].primary_key"),
        c("hostile primary key column", table("    primary_key: [\"ID; DROP TABLE X\"]\n"), "tables[0].primary_key"),
        c("empty key_columns", table("    key_columns: []\n"), "tables[0].key_columns: is an empty list"),
        c("key_columns and primary_key", table("    primary_key: [ID]\n    key_columns: [CODE]\n"),
            "tables[0].key_columns", "not both"),
        c("duplicate key_columns", table("    key_columns: [CODE, code]\n"), "tables[0].key_columns", "twice"),
        c("hostile key_columns column", table("    key_columns: [\"A; DROP TABLE X\"]\n"), "tables[0].key_columns"),
        c("qualified column", table("    columns: [HR.NAME]\n"), "tables[0].columns", "not a single column name"),
        c("duplicate column", table("    columns: [ID, id]\n"), "tables[0].columns", "twice"),
        c("columns a mapping", table("    columns: {a: b}\n"), "tables[0].columns", "must be a list"),
        c("nested column list", table("    columns: [[A]]\n"), "tables[0].columns", "must be a list of column names"),

        // ---------------------------------------------------------------- numbers and policies
        c("table chunk_size 0", table("    chunk_size: 0\n"), "tables[0].chunk_size", "out of range"),
        c("table chunk_size negative", table("    chunk_size: -5\n"), "tables[0].chunk_size", "-5"),
        c("comparison chunk_size 0", DBS + "comparison:\n  chunk_size: 0\n" + TABLES, "comparison.chunk_size",
            "out of range"),
        c("progress_interval_seconds 0", DBS + "comparison:\n  progress_interval_seconds: 0\n" + TABLES,
            "comparison.progress_interval_seconds", "out of range", "1..86400"),
        c("progress_interval_seconds text", DBS + "comparison:\n  progress_interval_seconds: often\n" + TABLES,
            "comparison.progress_interval_seconds", "not a whole number"),
        c("report_rows negative", DBS + "comparison:\n  report_rows: -1\n" + TABLES, "comparison.report_rows",
            "out of range"),
        c("typo progress_interval_second", DBS + "comparison:\n  progress_interval_second: 10\n" + TABLES,
            "did you mean 'progress_interval_seconds'"),
        c("comparison chunk_size negative", DBS + "comparison:\n  chunk_size: -100\n" + TABLES,
            "comparison.chunk_size"),
        c("comparison chunk_size text", DBS + "comparison:\n  chunk_size: lots\n" + TABLES, "comparison.chunk_size",
            "not a whole number"),
        c("comparison chunk_size too large for int", DBS + "comparison:\n  chunk_size: 99999999999\n" + TABLES,
            "comparison.chunk_size"),
        c("chunk_size text with line break", DBS + "comparison:\n  chunk_size: \"1\\n2\"\n" + TABLES,
            "comparison.chunk_size"),
        c("threads 0", DBS + "comparison:\n  threads: 0\n" + TABLES, "comparison.threads", "out of range"),
        c("negative planning sample threshold", DBS + "comparison:\n  plan_sample_above_rows: -1\n" + TABLES,
            "comparison.plan_sample_above_rows", "out of range"),
        c("planning sample threshold not a number", DBS + "comparison:\n  plan_sample_above_rows: lots\n" + TABLES,
            "comparison.plan_sample_above_rows"),
        // ---------------------------------------------------------------- recheck
        c("recheck rounds negative", DBS + "comparison:\n  recheck: { rounds: -1 }\n" + TABLES,
            "comparison.recheck.rounds", "out of range", "0..10"),
        c("recheck rounds too many", DBS + "comparison:\n  recheck: { rounds: 11, delay_seconds: 10 }\n" + TABLES,
            "comparison.recheck.rounds", "out of range"),
        c("recheck delay negative", DBS + "comparison:\n  recheck: { delay_seconds: -5 }\n" + TABLES,
            "comparison.recheck.delay_seconds", "out of range"),
        c("recheck delay not a number", DBS + "comparison:\n  recheck: { delay_seconds: soon }\n" + TABLES,
            "comparison.recheck.delay_seconds", "not a whole number"),
        c("recheck typo", DBS + "comparison:\n  recheck: { round: 2 }\n" + TABLES,
            "comparison.recheck.round: unknown key", "did you mean 'rounds'"),
        c("recheck as a single value", DBS + "comparison:\n  recheck: off\n" + TABLES,
            "comparison.recheck", "must be a mapping", "rounds: 0"),
        c("table recheck rounds out of range", table("    recheck: { rounds: 99 }\n"), "tables[0].recheck.rounds",
            "out of range"),
        c("table recheck unknown key", table("    recheck: { delay: 3 }\n"), "tables[0].recheck.delay: unknown key",
            "allowed keys: delay_seconds, rounds"),
        c("threads too many", DBS + "comparison:\n  threads: 100000\n" + TABLES, "comparison.threads"),
        c("threads boolean", DBS + "comparison:\n  threads: true\n" + TABLES, "comparison.threads", "whole number"),
        c("max_retries negative", DBS + "comparison:\n  max_retries: -1\n" + TABLES, "comparison.max_retries"),
        c("fetch_size 0", DBS + "comparison:\n  fetch_size: 0\n" + TABLES, "comparison.fetch_size"),
        c("connect timeout 0", DBS + "comparison:\n  connect_timeout_seconds: 0\n" + TABLES,
            "comparison.connect_timeout_seconds"),
        c("empty_string maybe", DBS + "comparison:\n  empty_string: maybe\n" + TABLES, "comparison.empty_string",
            "auto, null or distinct"),
        c("empty_string from env with line break", DBS + "comparison:\n  empty_string: \"${NEWLINE_VAL}\"\n" + TABLES,
            "comparison.empty_string"),
        c("state_dir empty", DBS + "comparison:\n  state_dir: \"\"\n" + TABLES, "comparison.state_dir: is empty"),
        c("output_dir a list", DBS + "comparison:\n  output_dir: [a, b]\n" + TABLES, "comparison.output_dir"),
        // ---------------------------------------------------------------- repair and large scripts
        c("repair unknown key", DBS + "repair:\n  batchsize: 10\n" + TABLES, "repair.batchsize",
            "did you mean 'batch_size'?"),
        c("repair batch_size 0", DBS + "repair:\n  batch_size: 0\n" + TABLES, "repair.batch_size",
            "allowed 1..1000000"),
        c("repair direct_path maybe", DBS + "repair:\n  direct_path: maybe\n" + TABLES, "repair.direct_path",
            "true or false"),
        c("repair a single value", DBS + "repair: fast\n" + TABLES, "repair", "must be a mapping"),
        c("sync max_script_rows 0", DBS + "sync:\n  max_script_rows: 0\n" + TABLES, "sync.max_script_rows",
            "allowed 1.."));
  }

  @TempDir Path dir;

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("corpus")
  void malformedConfigurationIsAOneLineConfigError(Case tc) throws IOException {
    Path file = dir.resolve("malformed.yaml");
    Files.writeString(file, tc.yaml(), StandardCharsets.UTF_8);
    Function<String, String> env = ENV::get;

    CompareException e = assertThrows(CompareException.class, () -> new ConfigLoader(env).load(file),
        () -> tc.name() + ": the configuration was accepted:\n" + tc.yaml());
    String msg = e.getMessage();
    assertEquals(ErrorCode.CONFIG, e.code(), msg);
    assertEquals(3, e.exitCode(), msg);
    assertFalse(msg.contains("\n") || msg.contains("\r"), () -> "not one line: " + msg);
    assertTrue(msg.startsWith(file + ": "), () -> "does not start with the file: " + msg);
    for (String fragment : tc.fragments()) {
      assertTrue(msg.contains(fragment), () -> "'" + fragment + "' missing from: " + msg);
    }
    for (String secret : SECRETS) {
      // not even a part of it (parser messages quote pieces of the text)
      for (int i = 0; i + 6 <= secret.length(); i++) {
        String part = secret.substring(i, i + 6);
        assertFalse(msg.contains(part), () -> "a part '" + part + "' of the password '" + secret + "' leaked: " + msg);
      }
    }
  }

  @Test
  void corpusIsLargeAndEachCaseNamedOnce() {
    List<Case> all = corpus().toList();
    assertTrue(all.size() >= 50, "corpus has " + all.size() + " cases");
    Set<String> names = new HashSet<>();
    for (Case tc : all) {
      assertTrue(names.add(tc.name()), "duplicate case name " + tc.name());
      assertFalse(tc.fragments().isEmpty(), tc.name() + " names no expected fragment");
    }
  }

  /** Guards the leak check: a corpus password that is not in SECRETS would go unchecked. */
  @Test
  void everyPasswordInTheCorpusIsCheckedForLeaks() {
    Pattern pw = Pattern.compile("pas+wo?rd:\\s*\"?([^\"\\n]+)\"?");
    for (Case tc : corpus().toList()) {
      Matcher m = pw.matcher(tc.yaml());
      while (m.find()) {
        String v = m.group(1).strip();
        if (v.startsWith("${")) {
          continue;
        }
        assertTrue(SECRETS.stream().anyMatch(v::contains), tc.name() + ": password " + v + " is not in SECRETS");
      }
    }
  }

  @Test
  void missingFileIsAConfigErrorNamingTheFile() {
    Path missing = dir.resolve("nope.yaml");
    CompareException e = assertThrows(CompareException.class, () -> new ConfigLoader(n -> null).load(missing));
    assertEquals(ErrorCode.CONFIG, e.code());
    assertTrue(e.getMessage().startsWith(missing + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("not found"), e.getMessage());
  }

  @Test
  void baseOfTheCorpusIsValid() throws IOException {
    // The cases differ from a valid configuration only by what they break.
    Path file = dir.resolve("valid.yaml");
    Files.writeString(file, DBS + TABLES + "comparison:\n  chunk_size: 100\n", StandardCharsets.UTF_8);
    CompareConfig cfg = new ConfigLoader(ENV::get).load(file);
    assertEquals(1, cfg.tables().size());
    assertEquals(100, cfg.settings().chunkSize());
  }
}
