package io.dbcompare.vendor.oracle;

import io.dbcompare.compare.ChosenScn;
import io.dbcompare.compare.Side;
import io.dbcompare.error.CompareException;
import io.dbcompare.vendor.DatabaseState;
import io.dbcompare.vendor.ScnSource;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The SCN an Oracle pair is read at ({@code snapshot: scn}). An SCN names the same committed state on
 * a primary and on its physical standbys, which replay the primary's redo SCNs included; it means nothing
 * in another database. So both sides must be one database lineage: the same DBID, each either the
 * primary or a physical standby (a logical standby has an SCN space of its own, a snapshot standby has
 * diverged). A physical standby must be open READ ONLY WITH APPLY (Active Data Guard, real-time query:
 * V$DATABASE.OPEN_MODE); its CURRENT_SCN is the SCN redo apply has reached (Data Guard Concepts, "obtain
 * the current SCN on the standby database: SELECT CURRENT_SCN FROM V$DATABASE"), and the primary still
 * holds that SCN in its undo. Hence: the standby's current SCN when a side is a physical standby (the
 * lower one when both are); otherwise the source's current SCN. The SCN is read first and bound into
 * every query afterwards: the AS OF clause takes no subquery (SQL Reference, restrictions on flashback
 * queries).
 */
final class OracleScn implements ScnSource {
  /** One row; reading V$DATABASE needs SELECT on V_$DATABASE (or SELECT ANY DICTIONARY, SELECT_CATALOG_ROLE). */
  static final String DATABASE_SQL =
      "SELECT TO_CHAR(dbid), db_unique_name, database_role, open_mode, current_scn FROM v$database";
  static final String PRIMARY = "PRIMARY";
  static final String PHYSICAL_STANDBY = "PHYSICAL STANDBY";
  static final String READ_ONLY_WITH_APPLY = "READ ONLY WITH APPLY";
  /** ORA-00942 table or view does not exist (no grant makes V$DATABASE invisible); ORA-01031 insufficient privileges. */
  private static final Set<Integer> NO_ACCESS = Set.of(942, 1031);

  @Override
  public String databaseSql() {
    return DATABASE_SQL;
  }

  @Override
  public ChosenScn choose(DatabaseState source, DatabaseState target) {
    checkRole(Side.SOURCE, source);
    checkRole(Side.TARGET, target);
    if (!Objects.equals(source.id(), target.id())) {
      throw CompareException.config("comparison.snapshot.mode: scn: the source (DBID " + source.id() + ", "
          + source.uniqueName() + ") and the target (DBID " + target.id() + ", " + target.uniqueName() + ") are"
          + " different databases, and an SCN of one means nothing in the other; scn compares a primary with its"
          + " physical standby, or two schemas of one database: use snapshot mode none for this pair");
    }
    boolean sourceStandby = isStandby(source);
    boolean targetStandby = isStandby(target);
    if (!sourceStandby && !targetStandby && !Objects.equals(source.uniqueName(), target.uniqueName())) {
      throw CompareException.config("comparison.snapshot.mode: scn: the source (" + source.uniqueName() + ") and"
          + " the target (" + target.uniqueName() + ") are two primary databases with one DBID " + source.id()
          + " (a copy that kept its DBID): their SCNs name different states; use snapshot mode none for this pair");
    }
    if (sourceStandby && targetStandby) {
      boolean sourceLower = source.currentScn().compareTo(target.currentScn()) <= 0;
      DatabaseState lower = sourceLower ? source : target;
      return new ChosenScn(lower.currentScn(), sourceLower ? Side.SOURCE : Side.TARGET,
          "the applied SCN of the physical standby " + lower.uniqueName() + ", the lower of the two standbys'");
    }
    if (sourceStandby || targetStandby) {
      Side side = sourceStandby ? Side.SOURCE : Side.TARGET;
      DatabaseState standby = sourceStandby ? source : target;
      return new ChosenScn(standby.currentScn(), side, "the applied SCN of the physical standby "
          + standby.uniqueName() + " (" + side.label() + ", " + READ_ONLY_WITH_APPLY + ")");
    }
    return new ChosenScn(source.currentScn(), Side.SOURCE, "the current SCN of the source " + source.uniqueName());
  }

  private static boolean isStandby(DatabaseState s) {
    return PHYSICAL_STANDBY.equals(upper(s.role()));
  }

  /** Only a primary, or a physical standby with redo apply running while it is open read-only. */
  private static void checkRole(Side side, DatabaseState s) {
    String role = upper(s.role());
    String where = "comparison.snapshot.mode: scn: the " + side.label() + " " + s.uniqueName() + " is ";
    if (s.currentScn() == null || s.currentScn().signum() <= 0) {
      throw CompareException.config(where + "open " + s.openMode() + " and reports no current SCN;"
          + " scn needs a database open for queries: use snapshot mode none for this pair");
    }
    if (role.equals(PRIMARY)) {
      return;
    }
    if (role.equals(PHYSICAL_STANDBY)) {
      if (!READ_ONLY_WITH_APPLY.equals(upper(s.openMode()))) {
        throw CompareException.config(where + "a physical standby open " + s.openMode() + ", not "
            + READ_ONLY_WITH_APPLY + " (Active Data Guard with redo apply running): its data is not at an SCN"
            + " the primary can be read at; start redo apply, or use snapshot mode none for this pair");
      }
      return;
    }
    throw CompareException.config(where + "a " + s.role() + ": " + (role.equals("LOGICAL STANDBY")
        ? "it applies SQL and has SCNs of its own" : role.equals("SNAPSHOT STANDBY")
        ? "it has been opened read-write and diverged from its primary" : "only a primary and its physical"
        + " standbys share SCNs") + ", so no SCN names one state of both sides; use snapshot mode none for this"
        + " pair (the recheck of differing rows then handles rows in flight)");
  }

  private static String upper(String s) {
    return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
  }

  @Override
  public Optional<String> grantForDatabaseSql(String sqlState, int vendorCode, String user) {
    if (!NO_ACCESS.contains(vendorCode)) {
      return Optional.empty();
    }
    return Optional.of("GRANT SELECT ON SYS.V_$DATABASE TO " + (user == null || user.isBlank() ? "<user>" : user));
  }
}
