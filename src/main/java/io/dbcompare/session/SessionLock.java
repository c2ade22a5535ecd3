package io.dbcompare.session;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS file lock on a session, held for as long as a process works on it. The operating
 * system releases it when the process dies, even on SIGKILL, so a crashed run never blocks a resume.
 */
public final class SessionLock implements AutoCloseable {
  /**
   * Lock files this JVM holds. POSIX record locks belong to the process: closing any other channel on
   * the same file would release them, so a held file is never opened a second time.
   */
  private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final FileChannel channel;
  private final FileLock lock;
  private final Path path;

  private SessionLock(FileChannel channel, FileLock lock, Path path) {
    this.channel = channel;
    this.lock = lock;
    this.path = path;
  }

  /** Takes the lock or throws SESSION_LOCKED naming the holder's PID and host. */
  public static SessionLock acquire(Path lockFile, String sessionId) {
    SessionLock l = tryAcquire(lockFile);
    if (l == null) {
      String holder = readHolder(lockFile);
      throw new CompareException(ErrorCode.SESSION_LOCKED, "session " + sessionId + " is in use by "
          + holder + "; wait for that run to finish or stop it, then resume");
    }
    try {
      String me = ProcessHandle.current().pid() + " on host " + hostName();
      l.channel.truncate(0);
      l.channel.write(ByteBuffer.wrap(("PID " + me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      l.channel.force(true);
    } catch (IOException e) {
      l.close();
      throw new CompareException(ErrorCode.IO, lockFile + ": cannot write the session lock: " + e.getMessage(), e);
    }
    return l;
  }

  /** The lock, or null when another process (or this one) holds it. */
  public static SessionLock tryAcquire(Path lockFile) {
    Path key = lockFile.toAbsolutePath().normalize();
    if (!HELD.add(key)) {
      return null;
    }
    FileChannel ch = null;
    try {
      Files.createDirectories(lockFile.getParent());
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock fl = ch.tryLock();
      if (fl == null) {
        ch.close();
        HELD.remove(key);
        return null;
      }
      return new SessionLock(ch, fl, key);
    } catch (OverlappingFileLockException e) {
      closeQuietly(ch);
      HELD.remove(key);
      return null;
    } catch (IOException e) {
      closeQuietly(ch);
      HELD.remove(key);
      throw new CompareException(ErrorCode.IO, lockFile + ": cannot open the session lock: " + e.getMessage(), e);
    }
  }

  private static String readHolder(Path lockFile) {
    if (HELD.contains(lockFile.toAbsolutePath().normalize())) {
      // reading the file would open (and close) it again and drop this process's own lock
      return "PID " + ProcessHandle.current().pid() + " on host " + hostName() + " (this process)";
    }
    try {
      String s = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
      return s.isEmpty() ? "another process" : s;
    } catch (IOException e) {
      return "another process";
    }
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // closing a channel we failed to lock; nothing was written
      }
    }
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      // The OS drops the lock with the channel or the process; nothing else to do.
    } finally {
      HELD.remove(path);
    }
  }
}
