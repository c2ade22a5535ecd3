package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The crash-point switch; the halting itself is exercised by the crash-recovery suites in separate JVMs. */
class CrashPointsTest {
  @Test
  void withoutThePropertyEveryPointIsANoOp() {
    assertNull(System.getProperty(CrashPoints.PROPERTY), "never set in the test JVM itself");
    assertNull(System.getProperty(CrashPoints.PAUSE_PROPERTY), "never set in the test JVM itself");
    for (int i = 0; i < 1000; i++) {
      CrashPoints.hit(CrashPoints.CHECKPOINT_SAVED);
    }
  }

  @Test
  void specNamesAPointAndTheHitThatHalts() {
    CrashPoints.Target t = CrashPoints.Target.parse("script-statement:12");
    assertEquals("script-statement", t.name());
    assertEquals(12, t.n());
    assertEquals(1, CrashPoints.Target.parse("session-created").n());
    assertNull(CrashPoints.Target.parse(" "));
    assertThrows(IllegalArgumentException.class, () -> CrashPoints.Target.parse("x:0"));
    assertThrows(IllegalArgumentException.class, () -> CrashPoints.Target.parse("x:many"));
  }

  @Test
  void aBadPauseSpecNamesThePauseProperty() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CrashPoints.Target.parse(CrashPoints.PAUSE_PROPERTY, "checkpoint-saved:0"));
    assertEquals("dbcompare.pauseAt=checkpoint-saved:0: expected <name>:<n> with n >= 1", e.getMessage());
    assertEquals(40, CrashPoints.Target.parse(CrashPoints.PAUSE_PROPERTY, "checkpoint-saved:40").n());
  }
}
