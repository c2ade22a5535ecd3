package io.dbcompare.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLockTest {
  private static final String ID = "0123abcd-1111-4222-8333-444455556666";
  private static final String ME = "PID " + ProcessHandle.current().pid() + " on host ";

  @TempDir Path dir;

  private static String content(Path f) throws IOException {
    return Files.readString(f, StandardCharsets.UTF_8);
  }

  @Test
  void acquireWritesPidAndHost() throws IOException {
    Path f = dir.resolve("oracle_session_" + ID + ".lock");
    try (SessionLock lock = SessionLock.acquire(f, ID)) {
      assertNotNull(lock);
      String c = content(f);
      assertTrue(c.startsWith(ME), c);
      assertEquals(ME + SessionLock.hostName() + "\n", c);
    }
  }

  @Test
  void acquireReplacesOldHolderText() throws IOException {
    Path f = dir.resolve("x.lock");
    Files.writeString(f, "PID 999999999 on host some-very-long-host-name-of-a-crashed-run.example.org\n");
    try (SessionLock lock = SessionLock.acquire(f, ID)) {
      assertEquals(ME + SessionLock.hostName() + "\n", content(f));
    }
  }

  @Test
  void acquireCreatesMissingFolders() {
    Path f = dir.resolve("state/sub/x.lock");
    try (SessionLock lock = SessionLock.acquire(f, ID)) {
      assertTrue(Files.isRegularFile(f));
    }
  }

  @Test
  void secondAcquireWhileHeldIsSessionLockedNamingThePid() {
    Path f = dir.resolve("x.lock");
    try (SessionLock held = SessionLock.acquire(f, ID)) {
      CompareException e = assertThrows(CompareException.class, () -> SessionLock.acquire(f, ID));
      assertEquals(ErrorCode.SESSION_LOCKED, e.code());
      assertTrue(e.getMessage().contains(String.valueOf(ProcessHandle.current().pid())), e.getMessage());
      assertTrue(e.getMessage().contains(ME), e.getMessage());
      assertTrue(e.getMessage().contains(ID), e.getMessage());
      assertEquals(ErrorCode.SESSION_LOCKED.exitCode(), e.exitCode());

      assertNull(SessionLock.tryAcquire(f), "tryAcquire reports a held lock as null");
    }
  }

  @Test
  void afterCloseTheLockCanBeTakenAgain() throws IOException {
    Path f = dir.resolve("x.lock");
    SessionLock first = SessionLock.acquire(f, ID);
    assertThrows(CompareException.class, () -> SessionLock.acquire(f, ID));
    first.close();
    first.close(); // closing twice is harmless
    try (SessionLock again = SessionLock.acquire(f, ID)) {
      assertNotNull(again);
      assertTrue(content(f).startsWith(ME));
    }
    try (SessionLock viaTry = SessionLock.tryAcquire(f)) {
      assertNotNull(viaTry);
    }
  }

  @Test
  void locksOnDifferentFilesAreIndependent() {
    try (SessionLock a = SessionLock.acquire(dir.resolve("a.lock"), "a");
        SessionLock b = SessionLock.acquire(dir.resolve("b.lock"), "b")) {
      assertNotNull(a);
      assertNotNull(b);
    }
  }
}
