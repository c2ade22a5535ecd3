package io.dbcompare.config;

import io.dbcompare.config.TableName.Identifier;
import io.dbcompare.error.CompareException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the YAML configuration into immutable records. Every problem is reported as one line naming the
 * file, the key and what is allowed; nothing is guessed and no key is ignored.
 */
public final class ConfigLoader {

  private static final Set<String> TOP_KEYS =
      Set.of("source_database", "target_database", "comparison", "sync", "repair", "tables", "schemas");
  private static final Set<String> DB_KEYS =
      Set.of("url", "host", "port", "service_name", "database", "sid", "username", "password", "properties", "oracle");
  private static final Set<String> ORACLE_KEYS = Set.of("parallel_query");
  private static final Set<String> COMPARISON_KEYS = Set.of("chunk_size", "threads", "state_dir", "checkpoint_dir",
      "output_dir", "max_retries", "fetch_size", "connect_timeout_seconds", "query_timeout_seconds", "empty_string",
      "pushdown", "bisect_factor", "bisect_threshold", "plan_sample_above_rows", "progress_interval_seconds",
      "report_rows", "recheck", SnapshotSettingsParser.KEY, "strict_columns");
  private static final Set<String> RECHECK_KEYS = Set.of("rounds", "delay_seconds");
  private static final Set<String> SYNC_KEYS =
      Set.of("batch_size", "guarded", "max_statements_per_file", "undo", "style", "max_script_rows");
  private static final Set<String> REPAIR_KEYS = Set.of("batch_size", "direct_path");
  private static final Set<String> TABLE_KEYS =
      Set.of("table_name", "primary_key", "key_columns", "chunk_size", "columns", "exclude_columns", "where",
          "target_table", "recheck", "strict_columns");
  private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._\\-]+|\\[[0-9A-Fa-f:.]+]");
  private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9._\\-$#]+");

  private final Function<String, String> env;

  public ConfigLoader() {
    this(System::getenv);
  }

  /** @param env looks up environment variables (injectable for tests) */
  public ConfigLoader(Function<String, String> env) {
    this.env = env;
  }

  public CompareConfig load(Path file) {
    String f = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw CompareException.config(f + ": configuration file not found; check the path (see config.yaml.example)");
    } catch (IOException e) {
      throw CompareException.config(f + ": cannot read the configuration file: " + e.getMessage());
    }
    Object root = parseYaml(f, text);
    if (!(root instanceof Map<?, ?> rootMap)) {
      throw CompareException.config(f + ": the file must be a YAML mapping with keys " + sorted(TOP_KEYS));
    }
    Node top = new Node(f, "", rootMap);
    top.checkKeys(TOP_KEYS);
    Path base = file.toAbsolutePath().getParent();

    DatabaseConfig source = database(top.requireMap("source_database"), "source");
    DatabaseConfig target = database(top.requireMap("target_database"), "target");
    boolean pushdownByDefault = Platforms.of(source.platform()).pushdownByDefault()
        && Platforms.of(target.platform()).pushdownByDefault();
    Node comparison = top.optionalMap("comparison");
    ComparisonSettings settings = comparison(comparison, base, pushdownByDefault);
    SnapshotSettings snapshot = comparison == null ? SnapshotSettings.NONE
        : SnapshotSettingsParser.parse(comparison, source.platform(), target.platform());
    SyncSettings sync = sync(top.optionalMap("sync"));
    RepairSettings repair = repair(top.optionalMap("repair"));
    List<SchemaConfig> schemas = SchemaSection.read(top);
    List<TableConfig> tables = tables(top, settings, !schemas.isEmpty());
    boolean strict = comparison != null && comparison.optionalBoolean("strict_columns").orElse(false);
    return new CompareConfig(file, source, target, settings, sync, tables, repair, snapshot, schemas, strict);
  }

  private static Object parseYaml(String f, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    try {
      return new Yaml(new SafeConstructor(options)).load(text);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
      String problem = e.getProblem() == null ? "invalid YAML" : withoutQuotedToken(e.getProblem());
      throw CompareException.config(f + ": YAML syntax error" + where + ": " + oneLine(problem)
          + "; check indentation and quoting (quote values containing ':' or '#')");
    } catch (YAMLException e) {
      throw CompareException.config(f + ": YAML error: " + oneLine(String.valueOf(e.getMessage())));
    }
  }

  /**
   * Some parser messages quote a token of the file: an alias after '*', a tag after '!', the digits of
   * an escape sequence. That token may be the start of an unquoted password such as {@code *Secret1},
   * so it is left out and the likely cause is named instead.
   */
  private static String withoutQuotedToken(String problem) {
    if (problem.startsWith("found undefined alias")) {
      return "a value starts with '*', which YAML reads as an alias; quote the value";
    }
    if (problem.contains("constructor for the tag") || problem.startsWith("Global tag is not allowed")
        || problem.startsWith("found undefined tag handle")) {
      return "a value starts with '!', which YAML reads as a tag; quote the value";
    }
    int found = problem.indexOf("but found:");
    if (found >= 0) {
      return problem.substring(0, found) + "but found something else";
    }
    return problem;
  }

  private DatabaseConfig database(Node n, String side) {
    n.checkKeys(DB_KEYS);
    Optional<String> url = n.optionalString("url");
    Optional<String> host = n.optionalString("host");
    String jdbcUrl;
    if (url.isPresent()) {
      for (String k : List.of("host", "port", "service_name", "database", "sid")) {
        if (n.has(k)) {
          throw n.error(k, "give either 'url' or host/port/service_name, not both");
        }
      }
      jdbcUrl = url.get().strip();
      if (jdbcUrl.isEmpty()) {
        throw n.error("url", "is empty; give a JDBC URL such as jdbc:oracle:thin:@//host:1521/SERVICE");
      }
    } else if (host.isPresent()) {
      String h = host.get().strip();
      if (!HOST.matcher(h).matches()) {
        throw n.error("host", "'" + h + "' is not a host name or address");
      }
      PlatformRules addressed = Platforms.withAddressForm();
      int port = n.optionalInt("port").orElse(addressed.defaultPort());
      if (port < 1 || port > 65535) {
        throw n.error("port", port + " is not a TCP port; use 1..65535 (Oracle's default is 1521)");
      }
      if (n.has("service_name") && n.has("database")) {
        throw n.error("database", "is a synonym of service_name; give only one of them");
      }
      Optional<String> service = n.optionalString("service_name").or(() -> n.optionalString("database"));
      Optional<String> sid = n.optionalString("sid");
      if (service.isPresent() == sid.isPresent()) {
        throw n.error("service_name", "give exactly one of service_name (or database) and sid");
      }
      String svc = service.orElseGet(sid::get).strip();
      if (!SERVICE.matcher(svc).matches()) {
        throw n.error(service.isPresent() ? "service_name" : "sid", "'" + svc + "' is not a valid service name");
      }
      jdbcUrl = addressed.urlFromAddress(h, port, svc, sid.isPresent()).orElseThrow();
    } else {
      throw n.error("url", "missing: give 'url' (any JDBC URL) or Oracle 'host', 'port' and 'service_name'");
    }
    Platform platform = Platform.fromUrl(jdbcUrl, n.file + ": " + n.path("url"));
    String user = n.optionalString("username").orElse(null);
    String password = n.optionalString("password").orElse(null);
    Map<String, String> props = new LinkedHashMap<>();
    Node p = n.optionalMap("properties");
    if (p != null) {
      for (String k : p.keys()) {
        props.put(k, p.requireString(k));
      }
    }
    return new DatabaseConfig(side, jdbcUrl, user, password, platform, props, oracle(n, platform));
  }

  /** The {@code oracle:} section: only for an Oracle database, where it would otherwise be ignored. */
  private static OracleOptions oracle(Node db, Platform platform) {
    Node n = db.optionalMap("oracle");
    if (n == null) {
      return OracleOptions.DEFAULT;
    }
    if (!Platforms.of(platform).optionsSection().equals(Optional.of("oracle"))) {
      throw db.error("oracle", "is only for an Oracle database; this one is " + platform.name().toLowerCase(Locale.ROOT)
          + ": remove the section");
    }
    n.checkKeys(ORACLE_KEYS);
    return new OracleOptions(n.optionalBoolean("parallel_query").orElse(OracleOptions.DEFAULT.parallelQuery()));
  }

  private ComparisonSettings comparison(Node n, Path base, boolean pushdownByDefault) {
    if (n == null) {
      n = new Node("", "comparison", Map.of());
    }
    n.checkKeys(COMPARISON_KEYS);
    int chunkSize = n.optionalInt("chunk_size").orElse(ComparisonSettings.DEFAULT_CHUNK_SIZE);
    n.checkRange("chunk_size", chunkSize, 1, 100_000_000);
    int threads = n.optionalInt("threads").orElse(ComparisonSettings.DEFAULT_THREADS);
    n.checkRange("threads", threads, 1, 256);
    int retries = n.optionalInt("max_retries").orElse(ComparisonSettings.DEFAULT_MAX_RETRIES);
    n.checkRange("max_retries", retries, 0, 100);
    int fetch = n.optionalInt("fetch_size").orElse(ComparisonSettings.DEFAULT_FETCH_SIZE);
    n.checkRange("fetch_size", fetch, 1, 1_000_000);
    int timeout = n.optionalInt("connect_timeout_seconds").orElse(ComparisonSettings.DEFAULT_CONNECT_TIMEOUT);
    n.checkRange("connect_timeout_seconds", timeout, 1, 3600);
    String es = n.optionalString("empty_string").orElse("auto");
    EmptyStringPolicy policy;
    try {
      policy = EmptyStringPolicy.valueOf(es.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw n.error("empty_string", "'" + es + "' is not allowed; use auto, null or distinct");
    }
    int queryTimeout = n.optionalInt("query_timeout_seconds").orElse(0);
    n.checkRange("query_timeout_seconds", queryTimeout, 0, 7 * 24 * 3600);
    String pd = n.optionalString("pushdown").orElse("auto").strip().toLowerCase(Locale.ROOT);
    boolean pushdown = switch (pd) {
      case "auto" -> pushdownByDefault;
      case "true", "on" -> true;
      case "false", "off" -> false;
      default -> throw n.error("pushdown", "'" + pd + "' is not allowed; use auto, true or false");
    };
    int factor = n.optionalInt("bisect_factor").orElse(ComparisonSettings.DEFAULT_BISECT_FACTOR);
    n.checkRange("bisect_factor", factor, 2, 1000);
    int threshold = n.optionalInt("bisect_threshold").orElse(ComparisonSettings.DEFAULT_BISECT_THRESHOLD);
    n.checkRange("bisect_threshold", threshold, 1, 100_000_000);
    int sampleAbove = n.optionalInt("plan_sample_above_rows").orElse(0);
    n.checkRange("plan_sample_above_rows", sampleAbove, 0, Integer.MAX_VALUE);
    int progressInterval = n.optionalInt("progress_interval_seconds")
        .orElse(ComparisonSettings.DEFAULT_PROGRESS_INTERVAL);
    n.checkRange("progress_interval_seconds", progressInterval, 1, 24 * 3600);
    int reportRows = n.optionalInt("report_rows").orElse(ComparisonSettings.DEFAULT_REPORT_ROWS);
    n.checkRange("report_rows", reportRows, 0, 100_000);
    return new ComparisonSettings(chunkSize, threads,
        dir(n, "state_dir", "oracle_comparison_state", base),
        dir(n, "checkpoint_dir", "oracle_checkpoints", base),
        dir(n, "output_dir", ".", base),
        retries, fetch, timeout, policy, queryTimeout, pushdown, factor, threshold, sampleAbove, progressInterval,
        reportRows, recheck(n, RecheckSettings.DEFAULT));
  }

  /** {@code recheck: { rounds: 2, delay_seconds: 10 }}; a key left out keeps the value of {@code base}. */
  private RecheckSettings recheck(Node parent, RecheckSettings base) {
    if (parent.map.get("recheck") != null && !(parent.map.get("recheck") instanceof Map<?, ?>)) {
      throw parent.error("recheck", "must be a mapping like { rounds: 2, delay_seconds: 10 } (rounds: 0 turns the"
          + " recheck off)");
    }
    Node n = parent.optionalMap("recheck");
    if (n == null) {
      return base;
    }
    n.checkKeys(RECHECK_KEYS);
    int rounds = n.optionalInt("rounds").orElse(base.rounds());
    n.checkRange("rounds", rounds, 0, RecheckSettings.MAX_ROUNDS);
    int delay = n.optionalInt("delay_seconds").orElse(base.delaySeconds());
    n.checkRange("delay_seconds", delay, 0, RecheckSettings.MAX_DELAY_SECONDS);
    return new RecheckSettings(rounds, delay);
  }

  private SyncSettings sync(Node n) {
    if (n == null) {
      n = new Node("", "sync", Map.of());
    }
    n.checkKeys(SYNC_KEYS);
    int batch = n.optionalInt("batch_size").orElse(SyncSettings.DEFAULT_BATCH_SIZE);
    n.checkRange("batch_size", batch, 1, 1_000_000);
    int perFile = n.optionalInt("max_statements_per_file").orElse(SyncSettings.DEFAULT_MAX_STATEMENTS_PER_FILE);
    n.checkRange("max_statements_per_file", perFile, 1, 100_000_000);
    boolean guarded = n.optionalBoolean("guarded").orElse(true);
    boolean undo = n.optionalBoolean("undo").orElse(true);
    String style = n.optionalString("style").orElse("dml").strip().toLowerCase(Locale.ROOT);
    if (!style.equals("dml") && !style.equals("merge")) {
      throw n.error("style", "'" + style + "' is not allowed; use dml or merge");
    }
    int maxRows = n.optionalInt("max_script_rows").orElse((int) SyncSettings.DEFAULT_MAX_SCRIPT_ROWS);
    n.checkRange("max_script_rows", maxRows, 1, Integer.MAX_VALUE);
    return new SyncSettings(batch, guarded, perFile, undo, style.equals("merge"), maxRows);
  }

  private RepairSettings repair(Node n) {
    if (n == null) {
      return RepairSettings.DEFAULTS;
    }
    n.checkKeys(REPAIR_KEYS);
    int batch = n.optionalInt("batch_size").orElse(RepairSettings.DEFAULT_BATCH_SIZE);
    n.checkRange("batch_size", batch, 1, 1_000_000);
    boolean directPath = n.optionalBoolean("direct_path").orElse(false);
    return new RepairSettings(batch, directPath);
  }

  private static Path dir(Node n, String key, String dflt, Path base) {
    String v = n.optionalString(key).orElse(dflt).strip();
    if (v.isEmpty()) {
      throw n.error(key, "is empty; give a folder path");
    }
    Path p = Path.of(v);
    return (p.isAbsolute() ? p : base.resolve(p)).normalize();
  }

  private List<TableConfig> tables(Node top, ComparisonSettings settings, boolean schemasGiven) {
    if (!top.has("tables")) {
      if (schemasGiven) {
        return List.of();
      }
      throw top.error("tables", "missing: list the tables to compare, e.g. '- table_name: HR.EMPLOYEES', or the"
          + " schemas under 'schemas:'");
    }
    Object raw = top.map.get("tables");
    if (!(raw instanceof List<?> list)) {
      throw top.error("tables", "must be a list of tables ('- table_name: SCHEMA.TABLE')");
    }
    if (list.isEmpty() && !schemasGiven) {
      throw top.error("tables", "is empty: list at least one table to compare");
    }
    List<TableConfig> out = new ArrayList<>();
    Map<String, Integer> byKey = new java.util.HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "tables[" + i + "]";
      Object item = list.get(i);
      Node t;
      if (item instanceof String s) {
        t = new Node(top.file, path, Map.of("table_name", s));
      } else if (item instanceof Map<?, ?> m) {
        t = new Node(top.file, path, m);
      } else {
        throw new CompareException(io.dbcompare.error.ErrorCode.CONFIG, top.file + ": " + path
            + ": must be a table name or a mapping with table_name");
      }
      t.checkKeys(TABLE_KEYS);
      String where = t.file + ": " + t.path("table_name");
      TableName name = TableName.parse(t.requireString("table_name"), where);
      TableName target = t.optionalString("target_table")
          .map(s -> TableName.parse(s, t.file + ": " + t.path("target_table")))
          .orElse(name);
      // a bare name gets its key when its schema is known; two bare spellings of one table are caught here
      Integer earlier = byKey.putIfAbsent(name.bare() ? "\u0000" + fold(name.table())
          : name.key().toUpperCase(Locale.ROOT), i);
      if (earlier != null) {
        throw sharedKey(t, name, out.get(earlier).source(), earlier);
      }
      Optional<Integer> chunk = t.optionalInt("chunk_size");
      chunk.ifPresent(c -> t.checkRange("chunk_size", c, 1, 100_000_000));
      List<Identifier> pk = t.identifierList("primary_key");
      List<Identifier> keyColumns = t.identifierList("key_columns");
      if (!pk.isEmpty() && !keyColumns.isEmpty()) {
        throw t.error("key_columns", "give either primary_key (trusted as declared) or key_columns (checked for NULLs"
            + " and duplicates when compared), not both");
      }
      List<Identifier> cols = t.identifierList("columns");
      List<Identifier> excl = t.identifierList("exclude_columns");
      if (!cols.isEmpty() && !excl.isEmpty()) {
        throw t.error("exclude_columns", "give either columns (an include list) or exclude_columns, not both");
      }
      Optional<String> filter = t.optionalString("where").map(String::strip);
      if (filter.isPresent()) {
        validateFilter(t, filter.get());
      }
      Optional<RecheckSettings> recheck = t.has("recheck")
          ? Optional.of(recheck(t, settings.recheck())) : Optional.empty();
      Optional<Boolean> strict = t.optionalBoolean("strict_columns");
      out.add(new TableConfig(name, target, pk, keyColumns, chunk, cols, excl, filter, recheck, strict));
    }
    return out;
  }

  /**
   * Two tables whose keys differ at most in case: the same table listed twice, or two tables whose
   * session entry, checkpoints and output files some file systems (Windows, macOS) could not tell apart.
   */
  private static CompareException sharedKey(Node t, TableName name, TableName other, int otherIndex) {
    if (folded(name).equals(folded(other))) {
      return t.error("table_name", "'" + name.display() + "' is listed twice; list each table once");
    }
    return t.error("table_name", "'" + name.display() + "' and tables[" + otherIndex + "] '" + other.display()
        + "' would share their session entry, checkpoints and output files: their keys '" + name.key() + "' and '"
        + other.key() + "' differ only in upper and lower case, which not every file system tells apart;"
        + " compare them with two configuration files that use different state_dir, checkpoint_dir and output_dir");
  }

  /** The name as Oracle and H2 resolve it: unquoted parts in upper case, quoted parts as written. */
  private static String folded(TableName n) {
    return n.bare() ? fold(n.table()) : fold(n.schema()) + "." + fold(n.table());
  }

  private static String fold(Identifier id) {
    return id.quoted() ? id.display() : '"' + id.text().toUpperCase(Locale.ROOT) + '"';
  }

  /**
   * The where filter is raw SQL by design; this only refuses what can never be a single boolean
   * expression: a statement separator, a comment, or unbalanced quotes/parentheses.
   */
  private static void validateFilter(Node t, String filter) {
    if (filter.isEmpty()) {
      throw t.error("where", "is empty; remove it or give a condition such as REGION = 'EU'");
    }
    boolean inQuote = false;
    int depth = 0;
    for (int i = 0; i < filter.length(); i++) {
      char c = filter.charAt(i);
      if (c == '\'') {
        inQuote = !inQuote;
        continue;
      }
      if (inQuote) {
        continue;
      }
      if (c == ';') {
        throw t.error("where", "must be one condition without ';'");
      }
      if ((c == '-' && i + 1 < filter.length() && filter.charAt(i + 1) == '-')
          || (c == '/' && i + 1 < filter.length() && filter.charAt(i + 1) == '*')) {
        throw t.error("where", "must not contain SQL comments (-- or /*)");
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        throw t.error("where", "has an unmatched ')'");
      }
    }
    if (inQuote) {
      throw t.error("where", "has an unterminated string literal (quote with '' inside strings)");
    }
    if (depth != 0) {
      throw t.error("where", "has an unmatched '('");
    }
  }

  private static String sorted(Set<String> keys) {
    return String.join(", ", keys.stream().sorted().toList());
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** A mapping in the YAML file with its path, for error messages (also for the section parsers here). */
  final class Node {
    final String file;
    final String prefix;
    final Map<?, ?> map;

    Node(String file, String prefix, Map<?, ?> map) {
      this.file = file;
      this.prefix = prefix;
      this.map = map;
    }

    String path(String key) {
      return prefix.isEmpty() ? key : prefix + "." + key;
    }

    /** A mapping below this one, at {@code childPath} (e.g. {@code schemas[0]}). */
    Node child(String childPath, Map<?, ?> m) {
      return new Node(file, childPath, m);
    }

    CompareException error(String key, String problem) {
      return CompareException.config(file + ": " + path(key) + ": " + problem);
    }

    boolean has(String key) {
      return map.containsKey(key) && map.get(key) != null;
    }

    List<String> keys() {
      List<String> keys = new ArrayList<>();
      for (Object k : map.keySet()) {
        keys.add(String.valueOf(k));
      }
      return keys;
    }

    void checkKeys(Set<String> allowed) {
      for (Object k : map.keySet()) {
        String key = String.valueOf(k);
        if (!(k instanceof String) || !allowed.contains(key)) {
          String hint = closest(key, allowed).map(c -> "did you mean '" + c + "'? ").orElse("");
          throw error(key, "unknown key; " + hint + "allowed keys: " + sorted(allowed));
        }
      }
    }

    Node requireMap(String key) {
      Node n = optionalMap(key);
      if (n == null) {
        throw error(key, "missing: this section is required (see config.yaml.example)");
      }
      return n;
    }

    Node optionalMap(String key) {
      Object v = map.get(key);
      if (v == null) {
        return null;
      }
      if (!(v instanceof Map<?, ?> m)) {
        // not describe(v): a section written as one value is often a URL, which may hold a password
        throw error(key, "must be a mapping of keys, not " + (v instanceof List<?> ? "a list" : "a single value"));
      }
      return new Node(file, path(key), m);
    }

    String requireString(String key) {
      return optionalString(key).orElseThrow(() -> error(key, "missing: a value is required"));
    }

    Optional<String> optionalString(String key) {
      Object v = map.get(key);
      if (v == null) {
        return Optional.empty();
      }
      if (v instanceof Map<?, ?> || v instanceof List<?>) {
        throw error(key, "must be a single value, not " + describe(v));
      }
      return Optional.of(substituteEnv(key, String.valueOf(v)));
    }

    Optional<Boolean> optionalBoolean(String key) {
      Object v = map.get(key);
      if (v == null) {
        return Optional.empty();
      }
      if (v instanceof Boolean b) {
        return Optional.of(b);
      }
      if (v instanceof String s) {
        String sub = substituteEnv(key, s).strip().toLowerCase(Locale.ROOT);
        if (sub.equals("true") || sub.equals("false")) {
          return Optional.of(Boolean.parseBoolean(sub));
        }
      }
      throw error(key, "must be true or false, not " + describe(v));
    }

    Optional<Integer> optionalInt(String key) {
      Object v = map.get(key);
      if (v == null) {
        return Optional.empty();
      }
      if (v instanceof Integer i) {
        return Optional.of(i);
      }
      if (v instanceof String s) {
        String sub = substituteEnv(key, s).strip();
        try {
          return Optional.of(Integer.parseInt(sub));
        } catch (NumberFormatException e) {
          throw error(key, "'" + sub + "' is not a whole number");
        }
      }
      throw error(key, "must be a whole number, not " + describe(v));
    }

    void checkRange(String key, int value, int min, int max) {
      if (value < min || value > max) {
        throw error(key, value + " is out of range; allowed " + min + ".." + max);
      }
    }

    List<Identifier> identifierList(String key) {
      Object v = map.get(key);
      if (v == null) {
        return List.of();
      }
      List<?> items;
      if (v instanceof List<?> l) {
        items = l;
      } else if (v instanceof String s) {
        items = List.of(s);
      } else {
        throw error(key, "must be a list of column names, e.g. [ID, NAME]");
      }
      if (items.isEmpty()) {
        throw error(key, "is an empty list; remove it or name at least one column");
      }
      List<Identifier> out = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Object item : items) {
        if (!(item instanceof String) && !(item instanceof Number)) {
          throw error(key, "must be a list of column names, not " + describe(item));
        }
        Identifier id = TableName.parseIdentifier(String.valueOf(item), file + ": " + path(key));
        if (!seen.add(id.quoted() ? id.text() : id.text().toUpperCase(Locale.ROOT))) {
          throw error(key, "names column " + id.display() + " twice");
        }
        out.add(id);
      }
      return out;
    }

    private String substituteEnv(String key, String value) {
      Matcher m = ENV_REF.matcher(value);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        String v = env.apply(name);
        if (v == null) {
          throw error(key, "environment variable " + name + " is not set; export it or write the value in the file");
        }
        m.appendReplacement(sb, Matcher.quoteReplacement(v));
      }
      m.appendTail(sb);
      return sb.toString();
    }
  }

  private static String describe(Object v) {
    if (v instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    return "'" + v + "'";
  }

  static Optional<String> closest(String key, Set<String> allowed) {
    String best = null;
    int bestDist = Integer.MAX_VALUE;
    for (String a : allowed) {
      int d = distance(key.toLowerCase(Locale.ROOT), a);
      if (d < bestDist) {
        bestDist = d;
        best = a;
      }
    }
    return bestDist <= Math.max(2, key.length() / 4) ? Optional.of(best) : Optional.empty();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
