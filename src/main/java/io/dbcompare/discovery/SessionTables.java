package io.dbcompare.discovery;

import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.config.CompareConfig;
import io.dbcompare.config.SchemaConfig;
import io.dbcompare.config.TableConfig;
import io.dbcompare.config.TableName;
import io.dbcompare.config.TableName.Identifier;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.jdbc.Pools;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A resumed session compares the tables it was created with, whatever the catalog says now: each of
 * its tables is matched to the configuration as resolved today, or, when a schema no longer lists it
 * (dropped, renamed), rebuilt from the names the session stored. Tables a schema gained since are named,
 * not compared.
 */
public final class SessionTables {
  private SessionTables() {}

  /** The session's tables, in the session's order. */
  public static List<TableConfig> of(RunSnapshot session, ResolvedTables now, CompareConfig cfg, Pools pools) {
    Map<String, TableConfig> byKey = new LinkedHashMap<>();
    now.tables().forEach(t -> byKey.put(t.key(), t));
    List<TableConfig> out = new ArrayList<>();
    for (TableSnapshot t : session.tables()) {
      TableConfig tc = byKey.get(t.key());
      if (tc != null && sameNames(tc, t)) {
        out.add(tc);
        continue;
      }
      Optional<TableConfig> rebuilt = fromSession(t, cfg, pools);
      if (rebuilt.isEmpty()) {
        throw new CompareException(ErrorCode.CONFIG_CHANGED, "session " + session.sessionId() + " names table "
            + t.schema() + "." + t.table() + " '" + t.key() + "', which is not the key " + cfg.file()
            + " gives it (a session written by an earlier version, or edited): its checkpoints cannot be"
            + " matched; start a new session without --resume");
      }
      out.add(rebuilt.get());
    }
    return out;
  }

  /**
   * One line per schema entry that has tables the session does not ("3 new tables in HR since this
   * session started; not compared: A, B, C"); empty when none.
   */
  public static List<String> newTables(RunSnapshot session, ResolvedTables now) {
    Set<String> known = session.tables().stream().map(TableSnapshot::key).collect(Collectors.toSet());
    Map<String, List<String>> bySchema = new LinkedHashMap<>();
    for (TableConfig t : now.tables()) {
      String schema = now.discoveredBy().get(t.key());
      if (schema != null && !known.contains(t.key())) {
        bySchema.computeIfAbsent(schema, k -> new ArrayList<>()).add(t.source().table().display());
      }
    }
    List<String> lines = new ArrayList<>();
    bySchema.forEach((schema, names) -> lines.add(names.size() + " new table" + (names.size() == 1 ? "" : "s")
        + " in " + schema + " since this session started; not compared: " + String.join(", ", names)));
    return lines;
  }

  /** The configured names agree with the session's (case aside: the session keeps the catalog's spelling). */
  private static boolean sameNames(TableConfig tc, TableSnapshot t) {
    return tc.source().schema().text().equalsIgnoreCase(String.valueOf(t.schema()))
        && tc.source().table().text().equalsIgnoreCase(String.valueOf(t.table()));
  }

  /** A table of a schema entry that the catalog no longer lists: as the session recorded it. */
  private static Optional<TableConfig> fromSession(TableSnapshot t, CompareConfig cfg, Pools pools) {
    for (SchemaConfig sc : cfg.schemas()) {
      String exact = sc.name().quoted() ? sc.name().text() : pools.source().dialect().foldUnquoted(sc.name().text());
      if (!exact.equals(t.schema())) {
        continue;
      }
      TableName source = new TableName(sc.name(), Identifier.ofCatalog(t.table(), pools.source().dialect()::foldUnquoted));
      TableName target = new TableName(sc.targetName(),
          Identifier.ofCatalog(t.targetTable(), pools.target().dialect()::foldUnquoted));
      if (source.key().equals(t.key())) {
        return Optional.of(new TableConfig(source, target, List.of(), List.of(), sc.chunkSize(), List.of(), List.of(),
            Optional.empty(), Optional.empty(), sc.strictColumns()));
      }
    }
    return Optional.empty();
  }
}
