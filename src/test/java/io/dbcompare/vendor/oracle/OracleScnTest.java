package io.dbcompare.vendor.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChosenScn;
import io.dbcompare.compare.Side;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.vendor.DatabaseState;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which SCN an Oracle pair is read at: a physical standby's applied SCN, else the source's current SCN;
 * and every pair that has no common SCN refused as a configuration error (exit 3) saying why.
 */
class OracleScnTest {
  private final OracleScn scn = new OracleScn();

  private static DatabaseState db(String dbid, String name, String role, String mode, long current) {
    return new DatabaseState(dbid, name, role, mode, BigInteger.valueOf(current));
  }

  private static final DatabaseState PRIMARY = db("4021", "PROD", "PRIMARY", "READ WRITE", 9_000_500);
  private static final DatabaseState ADG = db("4021", "PROD_ADG", "PHYSICAL STANDBY", "READ ONLY WITH APPLY",
      9_000_420);

  @Test
  void againstAnActiveDataGuardStandbyTheStandbysAppliedScn() {
    ChosenScn c = scn.choose(PRIMARY, ADG);
    assertEquals(BigInteger.valueOf(9_000_420), c.scn());
    assertEquals(Side.TARGET, c.side());
    assertTrue(c.why().contains("physical standby PROD_ADG"), c.why());
    // the standby may be the source too
    assertEquals(new ChosenScn(BigInteger.valueOf(9_000_420), Side.SOURCE, c.why().replace("target", "source")),
        scn.choose(ADG, PRIMARY));
  }

  @Test
  void oneDatabaseOnBothSidesReadsAtTheSourcesCurrentScn() {
    ChosenScn c = scn.choose(PRIMARY, db("4021", "PROD", "PRIMARY", "READ WRITE", 9_000_777));
    assertEquals(BigInteger.valueOf(9_000_500), c.scn());
    assertEquals(Side.SOURCE, c.side());
  }

  @Test
  void twoStandbysOfOnePrimaryReadAtTheLowerAppliedScn() {
    DatabaseState other = db("4021", "PROD_DR2", "PHYSICAL STANDBY", "READ ONLY WITH APPLY", 9_000_100);
    ChosenScn c = scn.choose(ADG, other);
    assertEquals(BigInteger.valueOf(9_000_100), c.scn());
    assertEquals(Side.TARGET, c.side());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "another database            | 5555 | PROD2    | PRIMARY          | READ WRITE  | different databases",
      "a copy that kept its DBID   | 4021 | PRODCOPY | PRIMARY          | READ WRITE  | two primary databases with one DBID",
      "a logical standby           | 4021 | PROD_LS  | LOGICAL STANDBY  | READ WRITE  | SCNs of its own",
      "a snapshot standby          | 4021 | PROD_SS  | SNAPSHOT STANDBY | READ WRITE  | diverged from its primary",
      "a standby with apply off    | 4021 | PROD_ADG | PHYSICAL STANDBY | READ ONLY   | start redo apply",
      "a far sync or other role    | 4021 | PROD_FS  | FAR SYNC         | MOUNTED     | only a primary and its physical"})
  void aPairWithoutACommonScnIsRefusedAtStart(String name, String dbid, String unique, String role, String mode,
      String says) {
    CompareException e = assertThrows(CompareException.class,
        () -> scn.choose(PRIMARY, db(dbid, unique, role, mode, 9_000_000)));
    assertEquals(ErrorCode.CONFIG, e.code());
    assertEquals(3, e.exitCode());
    assertTrue(e.getMessage().startsWith("comparison.snapshot.mode: scn: "), e.getMessage());
    assertTrue(e.getMessage().contains(says), e.getMessage());
    assertTrue(e.getMessage().contains("snapshot mode none"), e.getMessage());
  }

  @Test
  void aDatabaseWithoutACurrentScnIsRefused() {
    CompareException e = assertThrows(CompareException.class,
        () -> scn.choose(PRIMARY, new DatabaseState("4021", "PROD_ADG", "PHYSICAL STANDBY", "MOUNTED", null)));
    assertEquals(ErrorCode.CONFIG, e.code());
    assertTrue(e.getMessage().contains("reports no current SCN"), e.getMessage());
  }

  /** ORA-00942 (the view is invisible) and ORA-01031 name the grant to ask for; other errors do not. */
  @ParameterizedTest
  @CsvSource({"942, true", "1031, true", "1555, false", "17002, false"})
  void missingAccessToVDatabaseNamesTheGrant(int code, boolean grant) {
    Optional<String> g = scn.grantForDatabaseSql("42000", code, "CMP");
    assertEquals(grant ? Optional.of("GRANT SELECT ON SYS.V_$DATABASE TO CMP") : Optional.empty(), g);
  }
}
