package io.dbcompare.dialect;

/**
 * Set-based catalog queries for a whole schema, so that preparing 300 tables costs a few queries per
 * schema instead of several per table (see {@code jdbc/SchemaCatalog}, which runs them once per schema
 * and run). In {@link #tables()}, {@link #primaryKeys()} and {@link #uniqueKeys()} every {@code ?} is the
 * schema's exact catalog name; columns come from the driver's own metadata query for the whole schema.
 */
public interface SchemaCatalogSql {

  /**
   * The schema's tables, views and other relations, one row each: name, and {@code TABLE} (what a
   * {@code schemas:} entry compares), {@code VIEW} (with {@code include_views}) or {@code OTHER}
   * (partitions, temporary, foreign and system tables: compared only when named in {@code tables:});
   * ordered by name.
   */
  String tables();

  /** The primary keys of the schema's tables, one row per column: table, position, column; ordered. */
  String primaryKeys();

  /**
   * The unique indexes and unique constraints of the schema's tables (the primary key's included), one
   * row per column: table, index or constraint name, position, column, {@code Y} when the index is partial
   * (unique only over the rows of its predicate) else {@code N}; ordered by table, name and position.
   * Indexes on expressions are left out: they make no set of columns unique.
   */
  String uniqueKeys();

  /**
   * The schemas a bare table name is looked up in, one row each, in order (no parameter): the first that
   * has the table is its schema.
   */
  String defaultSchemas();

  /**
   * What a sync script must know of the schema's tables as targets, one row each: table, {@code G} (a
   * computed column), {@code I} (an identity column that refuses explicit values) or {@code T} (a trigger),
   * the column or trigger name, and a position to order by; ordered by table, kind, position and name.
   * The same rows as {@link TargetCatalogSql}'s per-table queries give for every table of the schema.
   */
  String targetTraits();

  /** Oracle 12c+ data dictionary (ALL_* views: what the connecting user may see). */
  final class Oracle implements SchemaCatalogSql {
    /**
     * Relational tables (ALL_TABLES); OTHER for the ones a schema comparison leaves out: nested tables,
     * secondary objects of domain indexes, tables in the recycle bin, global temporary tables (their rows
     * belong to one session) and the overflow and mapping segments of index-organized tables. Views from
     * ALL_VIEWS.
     */
    @Override
    public String tables() {
      return "SELECT TABLE_NAME, CASE WHEN NESTED = 'NO' AND SECONDARY = 'N' AND DROPPED = 'NO' AND TEMPORARY = 'N'"
          + " AND (IOT_TYPE IS NULL OR IOT_TYPE = 'IOT') THEN 'TABLE' ELSE 'OTHER' END FROM ALL_TABLES WHERE OWNER = ?"
          + " UNION ALL SELECT VIEW_NAME, 'VIEW' FROM ALL_VIEWS WHERE OWNER = ? ORDER BY 1";
    }

    @Override
    public String primaryKeys() {
      return "SELECT c.TABLE_NAME, cc.POSITION, cc.COLUMN_NAME FROM ALL_CONSTRAINTS c"
          + " JOIN ALL_CONS_COLUMNS cc ON cc.OWNER = c.OWNER AND cc.CONSTRAINT_NAME = c.CONSTRAINT_NAME"
          + " AND cc.TABLE_NAME = c.TABLE_NAME"
          + " WHERE c.CONSTRAINT_TYPE = 'P' AND c.OWNER = ? ORDER BY 1, 2";
    }

    /**
     * Unique indexes (ALL_INDEXES.UNIQUENESS, without function-based ones) and enabled unique or primary key
     * constraints, which a non-unique index may enforce (deferrable constraints).
     */
    @Override
    public String uniqueKeys() {
      return "SELECT i.TABLE_NAME, i.INDEX_NAME, ic.COLUMN_POSITION, ic.COLUMN_NAME, 'N' FROM ALL_INDEXES i"
          + " JOIN ALL_IND_COLUMNS ic ON ic.INDEX_OWNER = i.OWNER AND ic.INDEX_NAME = i.INDEX_NAME"
          + " WHERE i.TABLE_OWNER = ? AND i.UNIQUENESS = 'UNIQUE' AND i.INDEX_TYPE NOT LIKE 'FUNCTION-BASED%'"
          + " UNION ALL SELECT c.TABLE_NAME, c.CONSTRAINT_NAME, cc.POSITION, cc.COLUMN_NAME, 'N' FROM ALL_CONSTRAINTS c"
          + " JOIN ALL_CONS_COLUMNS cc ON cc.OWNER = c.OWNER AND cc.CONSTRAINT_NAME = c.CONSTRAINT_NAME"
          + " AND cc.TABLE_NAME = c.TABLE_NAME"
          + " WHERE c.OWNER = ? AND c.CONSTRAINT_TYPE IN ('P', 'U') AND c.STATUS = 'ENABLED'"
          + " ORDER BY 1, 2, 3";
    }

    @Override
    public String defaultSchemas() {
      return "SELECT SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') FROM DUAL";
    }

    /** {@link TargetCatalogSql.Oracle}'s three queries without their table filter (schema triggers have none). */
    @Override
    public String targetTraits() {
      return "SELECT TABLE_NAME, 'G', COLUMN_NAME, COLUMN_ID FROM ALL_TAB_COLS WHERE OWNER = ? AND VIRTUAL_COLUMN = 'YES'"
          + " AND HIDDEN_COLUMN = 'NO'"
          + " UNION ALL SELECT TABLE_NAME, 'I', COLUMN_NAME, 0 FROM ALL_TAB_IDENTITY_COLS WHERE OWNER = ?"
          + " AND GENERATION_TYPE = 'ALWAYS'"
          + " UNION ALL SELECT TABLE_NAME, 'T', TRIGGER_NAME, 0 FROM ALL_TRIGGERS WHERE TABLE_OWNER = ?"
          + " AND TABLE_NAME IS NOT NULL AND STATUS = 'ENABLED'"
          + " ORDER BY 1, 2, 4, 3";
    }
  }

  /** PostgreSQL system catalogs. */
  final class Postgres implements SchemaCatalogSql {
    private static final String NS = " JOIN pg_namespace n ON n.oid = t.relnamespace";

    /** Tables and partitioned tables; their partitions and foreign tables are OTHER; views and materialized views. */
    @Override
    public String tables() {
      return "SELECT t.relname, CASE WHEN t.relkind IN ('v', 'm') THEN 'VIEW' WHEN t.relkind IN ('r', 'p')"
          + " AND NOT t.relispartition THEN 'TABLE' ELSE 'OTHER' END FROM pg_class t" + NS
          + " WHERE n.nspname = ? AND t.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1";
    }

    @Override
    public String primaryKeys() {
      return "SELECT t.relname, k.ord, a.attname FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid" + NS
          + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)"
          + " JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum"
          + " WHERE con.contype = 'p' AND n.nspname = ? ORDER BY 1, 2";
    }

    /** Key columns only (an index's INCLUDE columns are not part of what it makes unique). */
    @Override
    public String uniqueKeys() {
      return "SELECT t.relname, i.relname, k.ord, a.attname, CASE WHEN x.indpred IS NULL THEN 'N' ELSE 'Y' END"
          + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid" + NS
          + " CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
          + " JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum"
          + " WHERE x.indisunique AND x.indexprs IS NULL AND k.ord <= x.indnkeyatts AND n.nspname = ?"
          + " ORDER BY 1, 2, 3";
    }

    /** The existing schemas of search_path, in order ({@code $user} only when that schema exists). */
    @Override
    public String defaultSchemas() {
      return "SELECT s.nsp FROM unnest(current_schemas(false)) WITH ORDINALITY AS s(nsp, ord) ORDER BY s.ord";
    }

    /** {@link TargetCatalogSql.Postgres}'s three queries without their table filter. */
    @Override
    public String targetTraits() {
      String columns = " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND a.attnum > 0 AND NOT a.attisdropped";
      return "SELECT c.relname, 'G', a.attname, a.attnum" + columns + " AND a.attgenerated <> ''"
          + " UNION ALL SELECT c.relname, 'I', a.attname, a.attnum" + columns + " AND a.attidentity = 'a'"
          + " UNION ALL SELECT c.relname, 'T', t.tgname, 0 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND NOT t.tgisinternal"
          + " ORDER BY 1, 2, 4, 3";
    }
  }

  /** H2 2.x INFORMATION_SCHEMA. */
  final class H2 implements SchemaCatalogSql {
    @Override
    public String tables() {
      return "SELECT TABLE_NAME, CASE TABLE_TYPE WHEN 'BASE TABLE' THEN 'TABLE' WHEN 'VIEW' THEN 'VIEW' ELSE 'OTHER' END"
          + " FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? ORDER BY 1";
    }

    @Override
    public String primaryKeys() {
      return "SELECT k.TABLE_NAME, k.ORDINAL_POSITION, k.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c"
          + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA"
          + " AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME"
          + " WHERE c.CONSTRAINT_TYPE = 'PRIMARY KEY' AND c.TABLE_SCHEMA = ? ORDER BY 1, 2";
    }

    @Override
    public String uniqueKeys() {
      return "SELECT i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION, c.COLUMN_NAME, 'N' FROM INFORMATION_SCHEMA.INDEXES i"
          + " JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
          + " AND c.TABLE_NAME = i.TABLE_NAME"
          + " WHERE i.INDEX_TYPE_NAME IN ('PRIMARY KEY', 'UNIQUE INDEX') AND i.TABLE_SCHEMA = ? ORDER BY 1, 2, 3";
    }

    @Override
    public String defaultSchemas() {
      return "SELECT CURRENT_SCHEMA";
    }

    /** {@link TargetCatalogSql.H2}'s three queries without their table filter. */
    @Override
    public String targetTraits() {
      return "SELECT TABLE_NAME, 'G', COLUMN_NAME, ORDINAL_POSITION FROM INFORMATION_SCHEMA.COLUMNS"
          + " WHERE TABLE_SCHEMA = ? AND IS_GENERATED = 'ALWAYS'"
          + " UNION ALL SELECT TABLE_NAME, 'I', COLUMN_NAME, ORDINAL_POSITION FROM INFORMATION_SCHEMA.COLUMNS"
          + " WHERE TABLE_SCHEMA = ? AND IS_IDENTITY = 'YES' AND IDENTITY_GENERATION = 'ALWAYS'"
          + " UNION ALL SELECT EVENT_OBJECT_TABLE, 'T', TRIGGER_NAME, 0 FROM INFORMATION_SCHEMA.TRIGGERS"
          + " WHERE EVENT_OBJECT_SCHEMA = ?"
          + " ORDER BY 1, 2, 4, 3";
    }
  }
}
