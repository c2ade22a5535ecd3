package io.dbcompare.vendor.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.vendor.CatalogNames.Kind;
import io.dbcompare.vendor.CatalogNames.Resolution;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a configured Oracle name is resolved, decided from data-dictionary rows given in memory (H2 has no
 * ALL_SYNONYMS): tables and views as they are, synonyms followed to what they stand for, everything else
 * refused with a message that says what the name is.
 */
class OracleCatalogNamesTest {
  /** An in-memory ALL_OBJECTS and ALL_SYNONYMS; records the queries run. */
  private static final class Dictionary {
    final Map<String, List<String>> objects = new HashMap<>();
    final Map<String, List<String>> synonyms = new HashMap<>();
    final List<String> queries = new ArrayList<>();

    Dictionary object(String owner, String name, String... types) {
      objects.computeIfAbsent(owner + "." + name, k -> new ArrayList<>()).addAll(Arrays.asList(types));
      return this;
    }

    Dictionary synonym(String owner, String name, String tableOwner, String table, String dbLink) {
      object(owner, name, "SYNONYM");
      synonyms.put(owner + "." + name, Arrays.asList(tableOwner, table, dbLink));
      return this;
    }

    List<List<String>> query(String sql, String... p) {
      String key = p[0] + "." + p[1];
      if (sql.equals(OracleCatalogNames.OBJECT_TYPES)) {
        queries.add("objects " + key);
        return objects.getOrDefault(key, List.of()).stream().sorted().map(List::of).toList();
      }
      if (sql.equals(OracleCatalogNames.SYNONYM)) {
        queries.add("synonym " + key);
        List<String> s = synonyms.get(key);
        return s == null ? List.of() : List.of(s);
      }
      throw new AssertionError("unexpected SQL: " + sql);
    }

    Resolution resolve(String owner, String name) throws SQLException {
      return new OracleCatalogNames().resolve(owner, name, this::query);
    }
  }

  @Test
  void aTableIsItself() throws SQLException {
    Dictionary d = new Dictionary().object("HR", "EMP", "TABLE", "INDEX");
    assertEquals(new Resolution(Kind.TABLE, "HR", "EMP", ""), d.resolve("HR", "EMP"));
    assertEquals(List.of("objects HR.EMP"), d.queries, "one query for a plain table");
  }

  @Test
  void aMaterializedViewIsItsContainerTable() throws SQLException {
    Dictionary d = new Dictionary().object("HR", "MV", "MATERIALIZED VIEW", "TABLE");
    assertEquals(Kind.TABLE, d.resolve("HR", "MV").kind());
  }

  @Test
  void aViewIsAView() throws SQLException {
    assertEquals(new Resolution(Kind.VIEW, "HR", "V", ""), new Dictionary().object("HR", "V", "VIEW").resolve("HR", "V"));
  }

  @Test
  void aPrivateSynonymStandsForItsTable() throws SQLException {
    Dictionary d = new Dictionary().synonym("HR", "S", "APP", "T", null).object("APP", "T", "TABLE");
    assertEquals(new Resolution(Kind.TABLE, "APP", "T", "HR.S -> APP.T"), d.resolve("HR", "S"));
  }

  @Test
  void aPublicSynonymIsFollowedWhenNamed() throws SQLException {
    Dictionary d = new Dictionary().synonym("PUBLIC", "T", "APP", "T", null).object("APP", "T", "TABLE");
    assertEquals(new Resolution(Kind.TABLE, "APP", "T", "PUBLIC.T -> APP.T"), d.resolve("PUBLIC", "T"));
  }

  @Test
  void chainsAreFollowedToAViewToo() throws SQLException {
    Dictionary d = new Dictionary().synonym("HR", "A", "HR", "B", "").synonym("HR", "B", "APP", "V", null)
        .object("APP", "V", "VIEW");
    assertEquals(new Resolution(Kind.VIEW, "APP", "V", "HR.A -> HR.B -> APP.V"), d.resolve("HR", "A"));
  }

  @Test
  void aSynonymOverADatabaseLinkIsRefused() throws SQLException {
    Resolution r = new Dictionary().synonym("HR", "R", "APP", "T", "PROD.EXAMPLE.COM").resolve("HR", "R");
    assertEquals(Kind.REFUSED, r.kind());
    assertEquals("is a synonym for APP.T@PROD.EXAMPLE.COM over a database link; configure that database directly",
        r.detail());
  }

  @Test
  void aLoopIsRefused() throws SQLException {
    Resolution r = new Dictionary().synonym("HR", "A", "HR", "B", null).synonym("HR", "B", "HR", "A", null)
        .resolve("HR", "A");
    assertEquals(Kind.REFUSED, r.kind());
    assertTrue(r.detail().startsWith("is a synonym that leads back to itself (HR.A -> HR.B -> HR.A)"), r.detail());
  }

  @Test
  void aLongChainIsRefused() throws SQLException {
    Dictionary d = new Dictionary();
    for (int i = 0; i <= OracleCatalogNames.MAX_HOPS + 1; i++) {
      d.synonym("HR", "S" + i, "HR", "S" + (i + 1), null);
    }
    Resolution r = d.resolve("HR", "S0");
    assertEquals(Kind.REFUSED, r.kind());
    assertTrue(r.detail().startsWith("is a chain of more than 10 synonyms"), r.detail());
  }

  @Test
  void anotherObjectTypeIsNamed() throws SQLException {
    Resolution seq = new Dictionary().object("HR", "EMP_SEQ", "SEQUENCE").resolve("HR", "EMP_SEQ");
    assertEquals(Resolution.refused("is a SEQUENCE, not a table or view"), seq);
    Resolution viaSyn = new Dictionary().synonym("HR", "P", "APP", "PKG", null).object("APP", "PKG", "PACKAGE",
        "PACKAGE BODY").resolve("HR", "P");
    assertEquals(Resolution.refused("is a synonym for APP.PKG, a PACKAGE, not a table or view"), viaSyn);
  }

  @Test
  void aSynonymForNothingVisibleIsRefused() throws SQLException {
    Resolution r = new Dictionary().synonym("HR", "S", "APP", "GONE", null).resolve("HR", "S");
    assertEquals(Resolution.refused("is a synonym for APP.GONE, which does not exist or is not visible to this user"), r);
  }

  /** Oracle resolves a qualified name in its schema only: a PUBLIC synonym is named, never used silently. */
  @Test
  void aMissingNameWithAPublicSynonymNamesIt() throws SQLException {
    Dictionary d = new Dictionary().synonym("PUBLIC", "EMP", "APP", "EMP", null).object("APP", "EMP", "TABLE");
    assertEquals(Resolution.refused("does not exist; a PUBLIC synonym EMP stands for APP.EMP: configure that table"
        + " (or PUBLIC.EMP)"), d.resolve("HR", "EMP"));
  }

  @Test
  void aMissingNameIsLeftToTheMetadataLookup() throws SQLException {
    assertEquals(Kind.MISSING, new Dictionary().object("HR", "EMP_IX", "INDEX").resolve("HR", "EMP_IX").kind());
    assertEquals(Kind.MISSING, new Dictionary().resolve("HR", "NOTHING").kind());
  }
}
