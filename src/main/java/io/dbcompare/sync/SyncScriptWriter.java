package io.dbcompare.sync;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.CrashPoints;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.config.SyncSettings;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.files.AtomicFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the statements that make the target table equal to the source, in the target's dialect, and
 * (with {@code sync.undo}) the undo script that puts the target back as the comparison read it.
 *
 * <p>Within a table the sync script DELETEs the rows missing in the source, UPDATEs the differing
 * columns of differing rows, and INSERTs the rows missing in the target, in that order; the undo script
 * deletes the inserted rows, sets the updated columns back and inserts the deleted rows. Rows are
 * addressed by their key, and with {@code sync.guarded} (the default) UPDATE and DELETE also match the
 * values the comparison read (see {@link RowStatements}; rendered by {@link StatementText}). A COMMIT follows every {@code sync.batch_size}
 * statements of a phase, and ends the script (and every part).
 *
 * <p>A script of more than {@code sync.max_statements_per_file} statements, or every script when the
 * caller asks for separate phases (a session of several tables, whose master script interleaves the
 * tables' phases in foreign-key order), is written as parts of one phase each in a folder beside it
 * ({@code <script>_parts/p001_delete.sql}, ...), each with the full settings header, and the script
 * itself becomes a master that runs them. Every file is written atomically (temporary file, rename)
 * and its SHA-256 is returned.
 */
public final class SyncScriptWriter {
  /** Statements are wrapped before a line grows past this many bytes (then at most a literal's line). */
  static final int MAX_LINE = 2400;
  private final Dialect target;
  private final SyncSettings settings;
  private final StatementText text;

  public SyncScriptWriter(Dialect target, SyncSettings settings) {
    this.target = target;
    this.settings = settings;
    this.text = new StatementText(target);
  }

  /** Guarded statements, no undo, one file up to the default size. */
  public SyncScriptWriter(Dialect target, int batchSize) {
    this(target, new SyncSettings(batchSize, true, SyncSettings.DEFAULT_MAX_STATEMENTS_PER_FILE, false, false));
  }

  /** The target's dialect the scripts are written in. */
  public Dialect dialect() {
    return target;
  }

  public SyncSettings settings() {
    return settings;
  }

  /** Writes the sync script only (see {@link #write(Path, Path, TableSpec, Iterable, List, boolean)}). */
  public List<GeneratedScript> write(Path file, TableSpec table, Iterable<ChunkResult> results, List<String> header) {
    return write(file, null, table, results, header, false);
  }

  /**
   * Writes the sync script to {@code syncFile} and, unless {@code undoFile} is null, the undo script.
   *
   * @param header comment lines (session, table, databases, time) put at the top of every file
   * @param separatePhases write phase parts and a master even when the script is small
   * @return the files written: for each script the one a DBA runs, then its parts
   */
  public List<GeneratedScript> write(Path syncFile, Path undoFile, TableSpec table, Iterable<ChunkResult> results,
      List<String> header, boolean separatePhases) {
    return write(syncFile, undoFile, table, results, header, separatePhases, List.of());
  }

  /**
   * As {@link #write(Path, Path, TableSpec, Iterable, List, boolean)}, for a table whose target has
   * foreign keys to itself: the rows each script inserts are written referenced rows first, and the
   * rows it deletes referencing rows first (see {@link SelfReferenceOrder}); those rows of the table
   * are held in memory until the end.
   */
  public List<GeneratedScript> write(Path syncFile, Path undoFile, TableSpec table, Iterable<ChunkResult> results,
      List<String> header, boolean separatePhases, List<SelfReference> selfReferences) {
    CrashPoints.hit(CrashPoints.SCRIPT_BEFORE_WRITE);
    List<SelfReferenceOrder.Positions> selfKeys = SelfReferenceOrder.positions(table, selfReferences);
    SelfRows held = selfKeys.isEmpty() ? null : new SelfRows();
    RowStatements dml = new RowStatements(table, settings.guarded(), settings.merge());
    Bodies sync = new Bodies(syncFile, GeneratedScript.SYNC);
    Bodies undo = undoFile == null ? null : new Bodies(undoFile, GeneratedScript.UNDO);
    try {
      Files.createDirectories(syncFile.toAbsolutePath().getParent());
      for (ChunkResult r : results) {
        for (RowDiff d : r.diffs()) {
          if (!RowStatements.needsStatement(table, d)) {
            continue;
          }
          if (held != null && held.hold(table, selfKeys, d)) {
            continue; // written below, in reference order
          }
          sync.add(Phase.ofSync(d.kind()), dml.sync(d));
          CrashPoints.hit(CrashPoints.SCRIPT_STATEMENT);
          if (undo != null) {
            undo.add(Phase.ofUndo(d.kind()), dml.undo(d));
          }
        }
      }
      List<String> syncNotes = new ArrayList<>();
      List<String> undoNotes = new ArrayList<>();
      if (!selfReferences.isEmpty()) {
        syncNotes.addAll(selfReferenceNotes(table, selfReferences));
        undoNotes.addAll(syncNotes);
      }
      if (held != null) {
        held.write(table, selfKeys, dml, sync, undo, syncNotes, undoNotes);
      }
      sync.close();
      List<String> syncHeader = syncHeader(table, header, sync);
      syncHeader.addAll(syncHeader.size() - 1, syncNotes);
      List<GeneratedScript> out = new ArrayList<>(assemble(sync, syncHeader, separatePhases));
      if (undo != null) {
        undo.close();
        List<String> undoHeader = undoHeader(table, header, undo, syncFile);
        undoHeader.addAll(undoNotes);
        out.addAll(assemble(undo, undoHeader, separatePhases));
      }
      return out;
    } catch (IOException | UncheckedIOException e) {
      throw new CompareException(ErrorCode.IO, syncFile + ": cannot write the sync script: " + e.getMessage(), e);
    } finally {
      sync.discard();
      if (undo != null) {
        undo.discard();
      }
    }
  }

  private static List<String> selfReferenceNotes(TableSpec table, List<SelfReference> refs) {
    List<String> h = new ArrayList<>();
    for (SelfReference r : refs) {
      h.add("Self-reference:      " + table.target().display() + " references itself (" + r.name() + ": "
          + String.join(", ", r.columns()) + " -> " + String.join(", ", r.referencedColumns()) + ").");
    }
    List<SelfReference> skipped = SelfReferenceOrder.skipped(table, refs);
    if (skipped.size() < refs.size()) {
      h.add("                     Rows are inserted referenced rows first and deleted referencing rows first"
          + " (otherwise in key order), within this table's script.");
    }
    for (SelfReference r : skipped) {
      h.add("                     " + r.name() + " is not ordered: a column of it is not compared; rows of it that"
          + " reference rows this script inserts later or deletes earlier fail on it.");
    }
    return h;
  }

  /**
   * The rows of a self-referencing table that the scripts insert or delete, held until all chunks are
   * read (bounded by the differences), and the differing rows that change a self-referencing column.
   */
  private final class SelfRows {
    final List<RowDiff> missingInTarget = new ArrayList<>();
    final List<RowDiff> missingInSource = new ArrayList<>();
    final List<RowDiff> changingReference = new ArrayList<>();

    /** Holds an inserted or deleted row (true), or notes a differing row that changes a reference (false). */
    boolean hold(TableSpec t, List<SelfReferenceOrder.Positions> keys, RowDiff d) {
      switch (d.kind()) {
        case MISSING_IN_TARGET -> missingInTarget.add(d);
        case MISSING_IN_SOURCE -> missingInSource.add(d);
        case DIFFERENT -> {
          for (SelfReferenceOrder.Positions k : keys) {
            for (int c : k.columns()) {
              if (!Canonical.sameValue(t.columns().get(c).kind(), d.sourceValues()[c], d.targetValues()[c])) {
                changingReference.add(d);
                return false;
              }
            }
          }
          return false;
        }
        default -> throw new IllegalStateException(String.valueOf(d.kind()));
      }
      return true;
    }

    void write(TableSpec t, List<SelfReferenceOrder.Positions> keys, RowStatements dml, Bodies sync, Bodies undo,
        List<String> syncNotes, List<String> undoNotes) throws IOException {
      List<Object[]> inserted = missingInTarget.stream().map(RowDiff::sourceValues).toList();
      List<Object[]> deleted = missingInSource.stream().map(RowDiff::targetValues).toList();
      SelfReferenceOrder.Result deletes = SelfReferenceOrder.order(t, keys, deleted, false);
      SelfReferenceOrder.Result inserts = SelfReferenceOrder.order(t, keys, inserted, true);
      for (int i : deletes.order()) {
        sync.add(Phase.DELETE, dml.sync(missingInSource.get(i)));
        CrashPoints.hit(CrashPoints.SCRIPT_STATEMENT);
      }
      for (int i : inserts.order()) {
        sync.add(Phase.INSERT, dml.sync(missingInTarget.get(i)));
        CrashPoints.hit(CrashPoints.SCRIPT_STATEMENT);
      }
      cycleNote(syncNotes, deletes, "DELETE");
      cycleNote(syncNotes, inserts, "INSERT");
      updateNotes(t, keys, syncNotes, inserted, deleted, true);
      if (undo != null) {
        // the undo deletes the inserted rows (referencing rows first) and inserts the deleted rows again
        SelfReferenceOrder.Result undoDeletes = SelfReferenceOrder.order(t, keys, inserted, false);
        SelfReferenceOrder.Result undoInserts = SelfReferenceOrder.order(t, keys, deleted, true);
        for (int i : undoDeletes.order()) {
          undo.add(Phase.DELETE, dml.undo(missingInTarget.get(i)));
        }
        for (int i : undoInserts.order()) {
          undo.add(Phase.INSERT, dml.undo(missingInSource.get(i)));
        }
        cycleNote(undoNotes, undoDeletes, "DELETE");
        cycleNote(undoNotes, undoInserts, "INSERT");
        updateNotes(t, keys, undoNotes, deleted, inserted, false);
      }
    }

    private void cycleNote(List<String> notes, SelfReferenceOrder.Result r, String phase) {
      if (r.cycleRows() > 0) {
        notes.add("                     " + r.cycleRows() + " row(s) to " + phase + " reference each other in a"
            + " cycle (A -> B -> A) and cannot be ordered: they keep key order, and the first " + phase + " of each"
            + " cycle fails on the constraint unless it is declared DEFERRABLE INITIALLY DEFERRED (and the"
            + " script's statements up to the cycle's last run in one transaction) or disabled for the sync.");
      }
    }

    /**
     * Notes the UPDATEs (which run after the DELETEs and before the INSERTs) that set a reference to a
     * row inserted later, or remove the last reference to a row deleted earlier: both fail on the constraint.
     */
    private void updateNotes(TableSpec t, List<SelfReferenceOrder.Positions> keys, List<String> notes,
        List<Object[]> inserted, List<Object[]> deleted, boolean sync) {
      long toInserted = 0;
      long fromDeleted = 0;
      Set<List<String>> insertedValues = SelfReferenceOrder.referencedValues(t, keys, inserted);
      Set<List<String>> deletedValues = SelfReferenceOrder.referencedValues(t, keys, deleted);
      for (RowDiff d : changingReference) {
        Object[] after = sync ? d.sourceValues() : d.targetValues();
        Object[] before = sync ? d.targetValues() : d.sourceValues();
        if (SelfReferenceOrder.referencesAny(t, keys, after, insertedValues)) {
          toInserted++;
        }
        if (SelfReferenceOrder.referencesAny(t, keys, before, deletedValues)) {
          fromDeleted++;
        }
      }
      if (toInserted > 0) {
        notes.add("                     " + toInserted + " UPDATE(s) set a reference to a row this script INSERTs;"
            + " UPDATEs run before INSERTs, so they fail on the constraint: run them again after the script,"
            + " or declare the constraint DEFERRABLE INITIALLY DEFERRED.");
      }
      if (fromDeleted > 0) {
        notes.add("                     " + fromDeleted + " UPDATE(s) move a reference away from a row this script"
            + " DELETEs; DELETEs run first, so that DELETE fails on the constraint: declare it DEFERRABLE"
            + " INITIALLY DEFERRED, or run the UPDATEs first.");
      }
    }
  }

  private List<String> syncHeader(TableSpec table, List<String> header, Bodies b) {
    List<String> h = new ArrayList<>(header);
    if (table.keyless()) {
      h.add("Statements:          " + counts(b) + " (only compared columns are written)");
      h.addAll(keylessNotes(table, "the comparison read it"));
      h.addAll(commits());
      h.add("Review before running against " + table.target().display() + ".");
      return h;
    }
    h.add("Statements:          " + (settings.merge() ? mergeCounts(b) : counts(b)) + " (only compared columns are written)");
    if (settings.merge()) {
      h.add("Style:               MERGE (sync.style: merge): each differing row and each row missing in the target is");
      h.add("                     one MERGE by key; the rows missing in the source are DELETEs.");
    }
    if (settings.guarded() && settings.merge()) {
      h.add("Guards:              every DELETE, and the WHEN MATCHED branch of the MERGE of a differing row,");
      h.add("                     also match the value of each compared column as the comparison read it from");
      h.add("                     the target (NULL as IS NULL, LOBs compared whole); the other branch of a MERGE");
      h.add("                     has the condition 1 = 0. A row changed, deleted or inserted since makes a");
      h.add("                     statement change no row, which stops the script naming the table and key.");
    } else if (settings.guarded()) {
      h.add("Guards:              every UPDATE and DELETE also matches the value of each compared column as");
      h.add("                     the comparison read it from the target (NULL as IS NULL, LOBs compared whole):");
      h.add("                     a row changed since stops the script with an error naming the table and key.");
    } else if (settings.merge()) {
      h.add("Guards:              off (sync.guarded: false): DELETE and MERGE match the key only; a MERGE updates");
      h.add("                     the row with that key when there is one and inserts it otherwise (upsert).");
    } else {
      h.add("Guards:              off (sync.guarded: false): UPDATE and DELETE match the key only.");
    }
    h.addAll(commits());
    h.add("Review before running against " + table.target().display() + ".");
    return h;
  }

  private List<String> undoHeader(TableSpec table, List<String> header, Bodies b, Path syncFile) {
    List<String> h = new ArrayList<>(header);
    h.add("Undo of:             " + syncFile.getFileName());
    h.add("                     Run it after that script ran to its end: it deletes the rows the sync inserted,");
    h.add("                     sets the updated columns back and inserts the deleted rows again, as the");
    h.add("                     comparison read them from " + table.target().display() + ".");
    h.add("Statements:          " + counts(b));
    if (table.keyless()) {
      h.addAll(keylessNotes(table, "the sync script left it"));
    } else if (settings.guarded()) {
      h.add("Guards:              every UPDATE and DELETE also matches the value of each compared column as the");
      h.add("                     sync script left it: a row changed since stops the script naming table and key.");
    } else {
      h.add("Guards:              off (sync.guarded: false): UPDATE and DELETE match the key only.");
    }
    h.addAll(commits());
    return h;
  }

  /** What a script of a table without key does instead of addressing rows by key. */
  private List<String> keylessNotes(TableSpec table, String asRead) {
    List<String> h = new ArrayList<>();
    h.add("No key:              " + table.target().display() + " has no primary key and no unique index on NOT NULL");
    h.add("                     columns: its rows were compared as a multiset of whole rows. Each DELETE removes");
    h.add("                     one copy of a row whose every compared column has the value as " + asRead + "");
    h.add("                     (NULL as IS NULL, LOBs compared whole) and stops the script when there is none;");
    h.add("                     each INSERT adds one copy. A row present k more times on one side has k statements.");
    if (settings.merge()) {
      h.add("                     MERGE needs a key: this table's statements are DELETEs and INSERTs.");
    }
    if (!settings.guarded()) {
      h.add("                     sync.guarded: false does not apply here: all its columns are what names a row.");
    }
    return h;
  }

  private List<String> commits() {
    return List.of("Commits:             after every " + settings.batchSize() + " statements of a phase and at the end;"
        + " an error stops", "                     the script and rolls back the statements since the last COMMIT.");
  }

  private static String mergeCounts(Bodies b) {
    return b.count(Phase.DELETE) + " DELETE, " + b.count(Phase.UPDATE) + " MERGE of differing rows, "
        + b.count(Phase.INSERT) + " MERGE of missing rows";
  }

  private static String counts(Bodies b) {
    return b.count(Phase.DELETE) + " DELETE, " + b.count(Phase.UPDATE) + " UPDATE, " + b.count(Phase.INSERT) + " INSERT";
  }

  /** Turns the phase bodies into one script, or into parts and a master. */
  private List<GeneratedScript> assemble(Bodies b, List<String> header, boolean separatePhases) throws IOException {
    long total = b.total();
    List<GeneratedScript> out = new ArrayList<>();
    if (!separatePhases && total <= settings.maxStatementsPerFile()) {
      StatementFile.write(b.file, target.platform(), sink -> {
        sink.text(target.scriptPreamble());
        sink.text(List.of(""));
        sink.text(comments(header));
        sink.text(List.of(""));
        for (Phase p : Phase.values()) {
          for (Segment s : b.segments.get(p)) {
            sink.copy(s.items);
          }
        }
        sink.text(List.of(""));
        sink.commit(target.scriptEpilogue());
      });
      String sha = writeAtomically(b.file, w -> {
        writeLines(w, target.scriptPreamble());
        w.write("\n");
        writeComments(w, header);
        w.write("\n");
        for (Phase p : Phase.values()) {
          for (Segment s : b.segments.get(p)) {
            s.copyTo(w);
          }
        }
        w.write("\n");
        writeLines(w, target.scriptEpilogue());
      });
      out.add(new GeneratedScript(b.kind, null, 0, b.file, sha, total));
      return out;
    }
    Path dir = b.file.resolveSibling(ScriptNames.partsFolder(b.file));
    Files.createDirectories(dir);
    try (Stream<Path> old = Files.list(dir)) {
      for (Path p : old.filter(p -> ScriptNames.isPart(p.getFileName().toString())).toList()) {
        Files.delete(p); // an earlier attempt at the same script
      }
    }
    int parts = 0;
    for (Phase p : Phase.values()) {
      parts += b.segments.get(p).size();
    }
    List<String> includes = new ArrayList<>();
    int n = 0;
    for (Phase p : Phase.values()) {
      long first = 1;
      for (Segment s : b.segments.get(p)) {
        n++;
        Path part = ScriptNames.part(dir, n, p);
        List<String> partHeader = new ArrayList<>(header);
        partHeader.add("Part:                " + n + " of " + parts + ", " + p + " statements " + first + "-"
            + (first + s.count - 1) + " of " + b.count(p) + ", run by " + b.file.getFileName());
        first += s.count;
        StatementFile.write(part, target.platform(), sink -> {
          sink.text(target.scriptPreamble());
          sink.text(List.of(""));
          sink.text(comments(partHeader));
          sink.text(List.of(""));
          sink.copy(s.items);
          sink.text(List.of(""));
          sink.commit(target.partEpilogue());
        });
        String sha = writeAtomically(part, w -> {
          writeLines(w, target.scriptPreamble());
          w.write("\n");
          writeComments(w, partHeader);
          w.write("\n");
          s.copyTo(w);
          w.write("\n");
          writeLines(w, target.partEpilogue());
        });
        out.add(new GeneratedScript(b.kind, p, n, part, sha, s.count));
        includes.add(target.includeScript(dir.getFileName() + "/" + part.getFileName(), part.toAbsolutePath().toString()));
      }
    }
    List<String> masterHeader = new ArrayList<>(header);
    masterHeader.add(masterHeader.size() - 1, "Parts:               " + parts + " in " + dir.getFileName() + "/, run in"
        + " this order; each part repeats the settings above and commits at its end.");
    String sha = writeAtomically(b.file, w -> {
      writeLines(w, target.masterPreamble());
      w.write("\n");
      writeComments(w, masterHeader);
      w.write("\n");
      writeLines(w, includes);
      w.write("\n");
      writeLines(w, target.masterEpilogue());
    });
    out.add(0, new GeneratedScript(b.kind, null, 0, b.file, sha, total));
    return out;
  }

  private void writeComments(Writer w, List<String> lines) throws IOException {
    writeLines(w, comments(lines));
  }

  /** Header lines as the script's comment lines. */
  private List<String> comments(List<String> lines) {
    return wrap(lines).stream().map(target::scriptComment).toList();
  }

  /**
   * Header lines wrapped at word boundaries near 105 characters, continued under the label's value;
   * lines indented by four spaces (statements to copy) are never wrapped.
   */
  static List<String> wrap(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String indent = line.matches("[A-Za-z ]{1,19}: {1,20}\\S.*") && line.indexOf(':') < 20 ? " ".repeat(21) : "  ";
      String rest = line;
      // statements a DBA copies (indented by four spaces) stay on one line
      while (rest.length() > 105 && !line.startsWith("    ")) {
        int cut = rest.lastIndexOf(' ', 105);
        if (cut <= indent.length()) {
          break; // one long word (a URL): leave it
        }
        out.add(rest.substring(0, cut));
        rest = indent + rest.substring(cut + 1);
      }
      out.add(rest);
    }
    return out;
  }

  private static void writeLines(Writer w, List<String> lines) throws IOException {
    for (String l : lines) {
      w.write(l);
      w.write("\n");
    }
  }

  interface Body {
    void write(Writer w) throws IOException;
  }

  /**
   * Writes a script file whole or not at all ({@link AtomicFile}), so a crash never leaves a half-written
   * script under the final name; returns the SHA-256 of its bytes.
   */
  static String writeAtomically(Path file, Body body) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    AtomicFile.write(file, out -> {
      Writer w = new OutputStreamWriter(new DigestOutputStream(out, sha), StandardCharsets.UTF_8);
      body.write(w);
      w.flush();
    });
    CrashPoints.hit(CrashPoints.SCRIPT_FILE_WRITTEN);
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The statements of one script, per phase, in temporary segment files of at most a part's size. */
  private final class Bodies {
    final Path file;
    final String kind;
    final Map<Phase, List<Segment>> segments = new EnumMap<>(Phase.class);

    Bodies(Path file, String kind) {
      this.file = file;
      this.kind = kind;
      for (Phase p : Phase.values()) {
        segments.put(p, new ArrayList<>());
      }
    }

    void add(Phase p, RowStatement statement) throws IOException {
      List<Segment> list = segments.get(p);
      Segment s = list.isEmpty() ? null : list.get(list.size() - 1);
      if (s == null || s.count == settings.maxStatementsPerFile()) {
        if (s != null) {
          s.close();
        }
        s = new Segment(ScriptNames.segment(file, p, list.size()), ScriptNames.segmentValues(file, p, list.size()));
        list.add(s);
      }
      if (s.count > 0 && s.count % settings.batchSize() == 0) {
        writeLines(s.out, target.scriptCommit());
        s.sink.commit(target.scriptCommit());
      }
      s.out.write(text.render(statement));
      s.out.write("\n");
      s.sink.statement(statement);
      s.count++;
    }

    long count(Phase p) {
      return segments.get(p).stream().mapToLong(s -> s.count).sum();
    }

    long total() {
      return Stream.of(Phase.values()).mapToLong(this::count).sum();
    }

    void close() throws IOException {
      for (List<Segment> list : segments.values()) {
        for (Segment s : list) {
          s.close();
        }
      }
    }

    /** Removes the temporary files, whatever happened. */
    void discard() {
      for (List<Segment> list : segments.values()) {
        for (Segment s : list) {
          try {
            s.close();
            Files.deleteIfExists(s.file);
            Files.deleteIfExists(s.items);
          } catch (IOException ignored) {
            // a temporary file left behind is harmless
          }
        }
      }
    }
  }

  /** A part's worth of statements of one phase: their text, and their values ({@link StatementFile} items). */
  private static final class Segment {
    final Path file;
    final Path items;
    Writer out;
    StatementFile.Sink sink;
    long count;

    Segment(Path file, Path items) throws IOException {
      this.file = file;
      this.items = items;
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      this.sink = StatementFile.segment(items);
    }

    void close() throws IOException {
      if (out != null) {
        out.close();
        out = null;
      }
      if (sink != null) {
        sink.close();
        sink = null;
      }
    }

    void copyTo(Writer w) throws IOException {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        r.transferTo(w);
      }
    }
  }

  /**
   * Appends {@code sep} and {@code part}, starting a new line instead when the current line would grow
   * past {@link #MAX_LINE} bytes: a wide table's column list or several long literals never make one
   * line that a client refuses (SQL*Plus: 2,499 bytes).
   */
  static void append(StringBuilder sql, String sep, String part) {
    int nl = part.indexOf('\n');
    String firstLine = nl < 0 ? part : part.substring(0, nl);
    int lineStart = sql.lastIndexOf("\n") + 1;
    if (lineStart < sql.length()
        && utf8Length(sql.substring(lineStart)) + utf8Length(sep) + utf8Length(firstLine) > MAX_LINE) {
      String word = sep.strip(); // ",", "WHERE", "AND" or nothing
      sql.append(word.equals(",") ? ",\n  " : word.isEmpty() ? "\n  " : "\n  " + word + " ");
    } else {
      sql.append(sep);
    }
    sql.append(part);
  }

  private static int utf8Length(String s) {
    return io.dbcompare.compare.Canonical.utf8Length(s);
  }
}
