package io.dbcompare.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written through {@link AtomicFile} is replaced whole or not at all, and no temporary file stays. */
class AtomicFileTest {
  @TempDir Path root;

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Moved from SessionStoreTest (writeAtomicallyReplacesContent). */
  @Test
  void writeReplacesContentAndCreatesTheFolder() throws IOException {
    Path f = root.resolve("new/dir/file.bin");
    AtomicFile.write(f, new byte[] {1, 2, 3});
    AtomicFile.write(f, new byte[] {4});
    assertArrayEquals(new byte[] {4}, Files.readAllBytes(f));
    assertEquals(List.of("file.bin"), names(f.getParent()));
  }

  @Test
  void writeContentReplacesWholeWithoutForcingTheFolderWhileWriteForcesIt() throws IOException {
    Path f = root.resolve("checkpoints/chunk_0.kryo");
    long before = AtomicFile.folderForces();
    AtomicFile.writeContent(f, new byte[] {1, 2, 3});
    AtomicFile.writeContent(f, new byte[] {4, 5});
    assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(f));
    assertEquals(List.of("chunk_0.kryo"), names(f.getParent()), "no temporary file stays");
    assertEquals(before, AtomicFile.folderForces(), "the content is forced, the rename is not");
    AtomicFile.write(root.resolve("session.json"), new byte[] {6});
    assertEquals(before + 1, AtomicFile.folderForces(), "a session file's rename is forced");
  }

  @Test
  void aBodyThatFailsHalfwayLeavesTheOldContentAndNoTemporaryFile() throws IOException {
    Path f = root.resolve("script.sql");
    AtomicFile.write(f, "old\n".getBytes(StandardCharsets.UTF_8));
    IOException e = assertThrows(IOException.class, () -> AtomicFile.write(f, out -> {
      out.write(new byte[100_000]); // more than the buffer: part of it reached the temporary file
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("old\n", Files.readString(f));
    assertEquals(List.of("script.sql"), names(root));

    // unchecked failures too (a body's UncheckedIOException, a bug)
    assertThrows(UncheckedIOException.class, () -> AtomicFile.write(f, out -> {
      out.write(1);
      throw new UncheckedIOException(new IOException("gone"));
    }));
    assertEquals("old\n", Files.readString(f));
    assertEquals(List.of("script.sql"), names(root));
  }

  @Test
  void aFirstWriteThatFailsLeavesNoFileAtAll() {
    Path f = root.resolve("summary.txt");
    assertThrows(IOException.class, () -> AtomicFile.write(f, out -> {
      throw new IOException("no");
    }));
    assertEquals(false, Files.exists(f));
    assertEquals(false, Files.exists(AtomicFile.temporary(f)));
  }

  /** The rename is refused (a folder stands where the file goes): the temporary file is removed. */
  @Test
  void aRefusedRenameRemovesTheTemporaryFile() throws IOException {
    Path f = root.resolve("sync_session.sql");
    Files.createDirectories(f);
    Files.writeString(f.resolve("keep"), "x");
    assertThrows(IOException.class, () -> AtomicFile.write(f, "new".getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of("sync_session.sql"), names(root));
    assertEquals(List.of("keep"), names(f));
  }

  /** A temporary file a crash left behind is replaced by the next write and gone after it. */
  @Test
  void aTemporaryFileLeftByACrashIsReplaced() throws IOException {
    Path f = root.resolve("oracle_session_x.json");
    Files.writeString(AtomicFile.temporary(f), "{\"torn");
    AtomicFile.write(f, "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals("{}", Files.readString(f));
    assertEquals(List.of("oracle_session_x.json"), names(root));
  }

  /** A body may close what it wrapped around the stream (a writer in try-with-resources). */
  @Test
  void aBodyMayCloseItsWriter() throws IOException {
    Path f = root.resolve("a.txt");
    AtomicFile.write(f, out -> {
      try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
        w.write("täxt\n");
      }
    });
    assertEquals("täxt\n", Files.readString(f, StandardCharsets.UTF_8));
    assertEquals(Path.of("a.txt.tmp"), AtomicFile.temporary(Path.of("a.txt")));
  }
}
