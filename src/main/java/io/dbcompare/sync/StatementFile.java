package io.dbcompare.sync;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.dbcompare.checkpoint.ValueCodec;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.files.AtomicFile;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The statements of a sync script file as values, written beside it ({@code <script>.sql.kryo}) when the
 * script is written, so that {@code --apply} binds values instead of reading SQL back. The file holds
 * the script as a sequence of {@link Item}s: text lines a client reads but that change no row
 * (settings, comments, blank lines), COMMIT lines that end a transaction, and the row statements. Its
 * items rendered in order are the script's text, byte for byte ({@link Contents#render}): that is how
 * {@code --apply} proves that what it binds is what the DBA reviewed.
 *
 * <p>Layout: magic {@code TCSF}, format version (int), the payload (Kryo: platform, then the items, then
 * an end mark), and a trailer: the payload's length (long) and its CRC-32C (int). A file of another
 * version, a truncated or damaged file is refused with a message naming it. Written atomically.
 */
public final class StatementFile {
  public static final int FORMAT_VERSION = 1;
  private static final byte[] MAGIC = "TCSF".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 8;
  private static final int TRAILER = 12;
  private static final byte TEXT = 'T';
  private static final byte COMMIT = 'C';
  private static final byte STATEMENT = 'S';
  private static final byte END = 'E';

  private StatementFile() {}

  /** One piece of a script file, in file order. */
  public sealed interface Item permits Text, Commit, Statement {}

  /** Lines a client reads that change no row: settings, comments, blank lines, client commands. */
  public record Text(List<String> lines) implements Item {
    public Text {
      lines = List.copyOf(lines);
    }
  }

  /** The lines that end a transaction (a COMMIT, and what the dialect writes with it). */
  public record Commit(List<String> lines) implements Item {
    public Commit {
      lines = List.copyOf(lines);
    }
  }

  /** A row statement, rendered by {@link StatementText}. */
  public record Statement(RowStatement statement) implements Item {}

  /** A statement where the script has it: its first line (1-based). */
  public record Located(RowStatement statement, int line) {}

  /** The statements between two COMMITs: one transaction. */
  public record Batch(List<Located> statements) {
    public Batch {
      statements = List.copyOf(statements);
    }
  }

  /** A statement file read back: the target platform its statements were rendered for, and the items. */
  public record Contents(Platform platform, List<Item> items) {
    public Contents {
      items = List.copyOf(items);
    }

    /** The script's text: every item's lines, each ended by a line break. */
    public String render(StatementText text) {
      StringBuilder sb = new StringBuilder();
      for (Item i : items) {
        for (String l : lines(i, text)) {
          sb.append(l).append('\n');
        }
      }
      return sb.toString();
    }

    /** The statements grouped into the transactions the COMMIT items end, with their lines. */
    public List<Batch> batches(StatementText text) {
      List<Batch> out = new ArrayList<>();
      List<Located> current = new ArrayList<>();
      int line = 1;
      for (Item i : items) {
        List<String> lines = lines(i, text);
        if (i instanceof Statement s) {
          current.add(new Located(s.statement(), line));
        } else if (i instanceof Commit && !current.isEmpty()) {
          out.add(new Batch(current));
          current = new ArrayList<>();
        }
        line += lines.size();
      }
      if (!current.isEmpty()) {
        throw new IllegalStateException("statements after the last COMMIT at line " + current.get(0).line());
      }
      return out;
    }

    public long statements() {
      return items.stream().filter(i -> i instanceof Statement).count();
    }

    /** The lines of one item as the script has them. */
    public static List<String> lines(Item i, StatementText text) {
      if (i instanceof Text t) {
        return t.lines();
      }
      if (i instanceof Commit c) {
        return c.lines();
      }
      return Arrays.asList(text.render(((Statement) i).statement()).split("\n", -1));
    }
  }

  /** A statement file that cannot be used: missing, damaged, or of another format version. */
  public static final class Unreadable extends Exception {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The statement file of a script. */
  public static Path of(Path script) {
    return ScriptNames.statementFile(script);
  }

  // ------------------------------------------------------------------------------------------ writing

  /** Receives the items of a file (or of a segment of one) in order. */
  public static class Sink implements Closeable {
    private final Output out;

    Sink(OutputStream stream) {
      this.out = new Output(stream, 1 << 16);
    }

    public void text(List<String> lines) {
      lines(TEXT, lines);
    }

    public void commit(List<String> lines) {
      lines(COMMIT, lines);
    }

    public void statement(RowStatement s) {
      out.writeByte(STATEMENT);
      writeStatement(out, s);
    }

    private void lines(byte tag, List<String> lines) {
      out.writeByte(tag);
      out.writeVarInt(lines.size(), true);
      for (String l : lines) {
        out.writeString(l);
      }
    }

    /** Appends the items of a segment written by {@link #segment} (its bytes, unchanged). */
    public void copy(Path segment) throws IOException {
      out.flush();
      try (var in = Files.newInputStream(segment)) {
        in.transferTo(out.getOutputStream());
      }
    }

    @Override
    public void close() {
      out.close();
    }

    void flush() {
      out.flush();
    }
  }

  /** A sink for a part of a file's items, written to a temporary file and later {@link Sink#copy copied}. */
  public static Sink segment(Path tmp) throws IOException {
    return new Sink(Files.newOutputStream(tmp));
  }

  /** Body of a statement file. */
  public interface Body {
    void write(Sink sink) throws IOException;
  }

  /** Writes the statement file of {@code script} whole or not at all ({@link AtomicFile}). */
  public static void write(Path script, Platform platform, Body body) throws IOException {
    AtomicFile.write(of(script), raw -> {
      raw.write(ByteBuffer.allocate(HEADER).put(MAGIC).putInt(FORMAT_VERSION).array());
      CRC32C crc = new CRC32C();
      Counting counted = new Counting(AtomicFile.keepOpen(raw));
      Sink sink = new Sink(new CheckedOutputStream(counted, crc));
      sink.out.writeString(platform.name());
      body.write(sink);
      sink.out.writeByte(END);
      sink.close();
      raw.write(ByteBuffer.allocate(TRAILER).putLong(counted.count).putInt((int) crc.getValue()).array());
    });
  }

  /** Counts the payload's bytes for the trailer. */
  private static final class Counting extends java.io.FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  // ------------------------------------------------------------------------------------------ reading

  /**
   * Reads the statement file of {@code script}.
   *
   * @throws Unreadable when it is missing, of another version, truncated or damaged (message names it)
   */
  public static Contents load(Path script) throws Unreadable {
    Path file = of(script);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new Unreadable(file + " is missing", e);
    } catch (IOException e) {
      throw new Unreadable(file + " cannot be read: " + e.getMessage(), e);
    }
    String problem = check(bytes);
    if (problem != null) {
      throw new Unreadable(file + " " + problem, null);
    }
    int length = bytes.length - HEADER - TRAILER;
    try (Input in = new Input(bytes, HEADER, length)) {
      Platform platform = Platform.valueOf(in.readString());
      List<Item> items = new ArrayList<>();
      while (true) {
        byte tag = in.readByte();
        if (tag == END) {
          break;
        }
        items.add(switch (tag) {
          case TEXT -> new Text(readLines(in));
          case COMMIT -> new Commit(readLines(in));
          case STATEMENT -> new Statement(readStatement(in));
          default -> throw new KryoException("unknown item tag " + tag);
        });
      }
      if (in.position() != HEADER + length) {
        throw new KryoException("trailing bytes after the end mark");
      }
      return new Contents(platform, items);
    } catch (RuntimeException e) {
      throw new Unreadable(file + " cannot be decoded (" + e.getMessage() + ")", e);
    }
  }

  /** Null when header, length and checksum are sound, else what is wrong. */
  static String check(byte[] bytes) {
    if (bytes.length < HEADER + TRAILER || !Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
      return "is not a statement file (bad header or too short)";
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int version = b.getInt(4);
    if (version != FORMAT_VERSION) {
      return "has format version " + version + ", this tool reads version " + FORMAT_VERSION;
    }
    long length = b.getLong(bytes.length - TRAILER);
    int crc = b.getInt(bytes.length - 4);
    if (length != bytes.length - HEADER - TRAILER) {
      return "is truncated or has trailing bytes (" + (bytes.length - HEADER - TRAILER) + " of " + length
          + " payload bytes)";
    }
    CRC32C c = new CRC32C();
    c.update(bytes, HEADER, (int) length);
    if ((int) c.getValue() != crc) {
      return "fails its checksum (damaged)";
    }
    return null;
  }

  private static List<String> readLines(Input in) {
    int n = count(in);
    List<String> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lines.add(in.readString());
    }
    return lines;
  }

  private static void writeStatement(Output out, RowStatement s) {
    out.writeByte(s.kind().ordinal());
    out.writeString(s.table().schema());
    out.writeString(s.table().table());
    out.writeBoolean(s.guarded());
    out.writeBoolean(s.emptyStringIsNull());
    out.writeBoolean(s.undo());
    for (List<ColumnValue> list : List.of(s.key(), s.set(), s.insert(), s.guard())) {
      out.writeVarInt(list.size(), true);
      for (ColumnValue c : list) {
        out.writeString(c.column());
        out.writeByte(c.kind().tag());
        out.writeString(c.targetType());
        ValueCodec.write(out, c.value());
      }
    }
  }

  private static RowStatement readStatement(Input in) {
    int k = in.readByte();
    RowStatement.Kind[] kinds = RowStatement.Kind.values();
    if (k < 0 || k >= kinds.length) {
      throw new KryoException("unknown statement kind " + k);
    }
    TableRef table = new TableRef(in.readString(), in.readString());
    boolean guarded = in.readBoolean();
    boolean emptyIsNull = in.readBoolean();
    boolean undo = in.readBoolean();
    List<List<ColumnValue>> lists = new ArrayList<>(4);
    for (int l = 0; l < 4; l++) {
      int n = count(in);
      List<ColumnValue> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String column = in.readString();
        ValueKind kind = ValueKind.ofTag((char) in.readByte());
        String type = in.readString();
        Object value = ValueCodec.read(in);
        if (value != null && !ValueCodec.kindOf(value).equals(kind)) {
          throw new KryoException("value of " + column + " is not a " + kind);
        }
        list.add(new ColumnValue(column, kind, type, value));
      }
      lists.add(list);
    }
    return new RowStatement(kinds[k], table, lists.get(0), lists.get(1), lists.get(2), lists.get(3), guarded,
        emptyIsNull, undo);
  }

  private static int count(Input in) {
    int n = in.readVarInt(true);
    if (n < 0 || n > 1_000_000) {
      throw new KryoException("implausible count " + n);
    }
    return n;
  }
}
