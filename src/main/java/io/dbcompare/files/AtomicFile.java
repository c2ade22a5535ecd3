package io.dbcompare.files;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that it is replaced whole or not at all: session files, checkpoints, scripts, their
 * statement files and summaries all go through here.
 *
 * <p>The content goes to {@code <name>.tmp} in the same folder (created if needed), is forced to disk
 * ({@code fsync}), and the temporary file is renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}: a reader, or a run that resumes after a crash or power cut,
 * sees the old content or the new one, never a torn or empty file under the final name. The folder is
 * then forced too, so the rename itself survives a power cut (where the platform can open a folder;
 * Windows cannot, and its rename is durable on return). Within one folder a rename is atomic on every
 * file system the tool supports; one that is not is an error, never a silent copy.
 *
 * <p>When writing fails (the body throws, the disk is full, the rename is refused), the temporary file
 * is removed and the target is left as it was; the error is rethrown for the caller to say what it was
 * writing. A {@code .tmp} file found later is what a crash left: the next write of the same file
 * replaces it. Writers of one file must not overlap (each file has one writer: the session under its
 * monitor, a chunk's checkpoint on its worker, a table's scripts on its finisher).
 *
 * <p>This package depends on nothing else of the tool, so every layer may use it.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Writes a file's content to a stream; the stream is closed by {@link AtomicFile}, not by the body. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** The temporary file a write of {@code file} uses (and a crash may leave behind). */
  public static Path temporary(Path file) {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }

  /** Replaces {@code file} with {@code bytes}, whole or not at all. */
  public static void write(Path file, byte[] bytes) throws IOException {
    write(file, out -> out.write(bytes));
  }

  /**
   * Replaces {@code file} with {@code bytes} like {@link #write(Path, byte[])}, except that the folder is
   * not forced after the rename. The content is on disk before the name points at it, so a reader still
   * sees the old file or the whole new one, after a crash or a power cut alike; but a power cut may undo
   * the rename itself, leaving the old file (or none) under the name. Only for files that are trusted on
   * their own and whose loss costs nothing but work done again: chunk checkpoints, which alone decide
   * whether a chunk is done when a table is prepared (a missing one is compared again). It saves a folder
   * sync per file, which on a journaling file system is a journal commit: one per chunk was the largest
   * cost of comparing identical chunks after the databases' own work (README "Performance").
   */
  public static void writeContent(Path file, byte[] bytes) throws IOException {
    write(file, out -> out.write(bytes), false);
  }

  /** Replaces {@code file} with what {@code body} writes, whole or not at all. */
  public static void write(Path file, Body body) throws IOException {
    write(file, body, true);
  }

  /** How many times this JVM forced a folder after a rename (a diagnostic: which writes force theirs). */
  public static long folderForces() {
    return FOLDER_FORCES.get();
  }

  private static final AtomicLong FOLDER_FORCES = new AtomicLong();

  private static void write(Path file, Body body, boolean forceName) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = temporary(file);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = new BufferedOutputStream(keepOpen(Channels.newOutputStream(ch)), 1 << 16);
        body.write(out);
        out.flush();
        ch.force(true); // the bytes are on disk before the name points at them
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    if (forceName) {
      FOLDER_FORCES.incrementAndGet();
      forceFolder(dir);
    }
  }

  /** Makes the rename durable: on POSIX systems a rename is on disk once its folder is forced. */
  private static void forceFolder(Path dir) throws IOException {
    FileChannel ch;
    try {
      ch = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (AccessDeniedException | UnsupportedOperationException e) {
      return; // a platform that cannot open a folder (Windows): its rename is durable when it returns
    }
    try (ch) {
      ch.force(true);
    }
  }

  /**
   * {@code out}, except that closing it only flushes: a body that closes its stream (a writer in
   * try-with-resources) must not close the channel before the file is forced and renamed, and a writer
   * that appends a trailer after a payload stream keeps writing.
   */
  public static OutputStream keepOpen(OutputStream out) {
    return new KeepOpen(out);
  }

  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
