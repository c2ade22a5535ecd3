package io.dbcompare.sync;

import io.dbcompare.compare.TableRef;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The master scripts of a session with several tables: they run the tables' phase parts in
 * foreign-key order. DELETEs run first, children before parents (a parent row can only go once no
 * row references it); then, parents before children, each table's UPDATEs and INSERTs (a child row
 * can only reference a parent row that exists). The undo master follows the same rules with the undo
 * parts (it deletes the inserted rows children first, and inserts the deleted rows parents first).
 *
 * <p>Only foreign keys between tables of the session count. Tables in a cycle keep the
 * configuration's order (named in the header, with the way out: a DEFERRABLE constraint); a
 * self-referencing table's own script orders its rows (see {@link SelfReferenceOrder}).
 */
public final class SessionScriptWriter {
  private final Dialect target;

  public SessionScriptWriter(Dialect target) {
    this.target = target;
  }

  /**
   * A table's scripts, as phase parts.
   *
   * @param display the table's name for the header
   * @param target the target table, as the foreign keys name it
   * @param parts the phase parts of its sync and undo scripts, in the order the table runs them
   */
  public record TableScripts(String display, TableRef target, List<GeneratedScript> parts) {}

  /** Tables in the order the UPDATE/INSERT phases run them (parents first), with notes for the header. */
  record Order(List<TableScripts> parentsFirst, List<String> notes) {}

  /** Orders tables parents first, keeping the given order among tables that do not depend on each other. */
  static Order order(List<TableScripts> tables, List<ForeignKey> keys) {
    Map<TableRef, TableScripts> byRef = new LinkedHashMap<>();
    for (TableScripts t : tables) {
      byRef.put(t.target(), t);
    }
    Map<TableRef, Set<TableRef>> parents = new LinkedHashMap<>();
    for (TableScripts t : tables) {
      parents.put(t.target(), new LinkedHashSet<>());
    }
    List<String> notes = new ArrayList<>();
    for (ForeignKey fk : keys) {
      if (!byRef.containsKey(fk.child()) || !byRef.containsKey(fk.parent())) {
        continue;
      }
      if (fk.selfReference()) {
        notes.add(fk.child().display() + " references itself (" + fk.name() + "): its own script inserts its rows"
            + " referenced rows first and deletes them referencing rows first; rows in a cycle of references, and"
            + " UPDATEs that set a reference to a row inserted later, fail on the constraint (its script's header"
            + " counts them): declare it DEFERRABLE INITIALLY DEFERRED for the sync.");
      } else {
        notes.add(fk.child().display() + " references " + fk.parent().display() + " (" + fk.name() + ")");
        parents.get(fk.child()).add(fk.parent());
      }
    }
    List<TableScripts> ordered = new ArrayList<>();
    Set<TableRef> placed = new LinkedHashSet<>();
    boolean progress = true;
    while (ordered.size() < tables.size() && progress) {
      progress = false;
      for (TableScripts t : tables) {
        if (!placed.contains(t.target()) && placed.containsAll(parents.get(t.target()))) {
          ordered.add(t);
          placed.add(t.target());
          progress = true;
          break; // restart: keep the given order among the tables now free
        }
      }
    }
    if (ordered.size() < tables.size()) {
      List<String> cycle = new ArrayList<>();
      for (TableScripts t : tables) {
        if (!placed.contains(t.target())) {
          ordered.add(t);
          cycle.add(t.display());
        }
      }
      notes.add("Foreign keys form a cycle between " + String.join(", ", cycle) + ": they run in the configuration's"
          + " order, which may fail on a constraint; declare one of them DEFERRABLE INITIALLY DEFERRED for the sync.");
    }
    return new Order(ordered, notes);
  }

  /**
   * Writes the sync master (and, unless {@code undoMaster} is null, the undo master) for the tables
   * (in configuration order) and the target's foreign keys.
   */
  public List<GeneratedScript> write(Path syncMaster, Path undoMaster, List<TableScripts> tables, List<ForeignKey> keys,
      List<String> header) {
    Order order = order(tables, keys);
    List<GeneratedScript> out = new ArrayList<>();
    try {
      out.add(master(syncMaster, GeneratedScript.SYNC, order, header, true));
      if (undoMaster != null) {
        out.add(master(undoMaster, GeneratedScript.UNDO, order, header, false));
      }
    } catch (IOException e) {
      throw new CompareException(ErrorCode.IO, syncMaster + ": cannot write the session script: " + e.getMessage(), e);
    }
    return out;
  }

  private GeneratedScript master(Path file, String kind, Order order, List<String> header, boolean sync)
      throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    List<String> h = new ArrayList<>(header);
    List<String> names = order.parentsFirst().stream().map(TableScripts::display).toList();
    if (!sync) {
      h.add("Undo of:             the sync script of this session; run it after that script ran to its end.");
    }
    h.add("Tables:              " + String.join(", ", names) + " (parents first)");
    h.add("Order:               " + (sync ? "the sync scripts of the tables" : "the undo scripts of the tables") + ", as parts:"
        + " DELETEs of all tables, children before parents; then for each table, parents before children, its"
        + " UPDATEs, then its INSERTs. Each part commits at its end.");
    for (String n : order.notes()) {
      h.add("Foreign key:         " + n);
    }
    List<String> includes = new ArrayList<>();
    List<TableScripts> childrenFirst = new ArrayList<>(order.parentsFirst());
    java.util.Collections.reverse(childrenFirst);
    long statements = 0;
    for (TableScripts t : childrenFirst) {
      statements += include(includes, file, t, kind, Phase.DELETE);
    }
    for (TableScripts t : order.parentsFirst()) {
      statements += include(includes, file, t, kind, Phase.UPDATE);
      statements += include(includes, file, t, kind, Phase.INSERT);
    }
    List<String> comments = SyncScriptWriter.wrap(h).stream().map(target::scriptComment).toList();
    String sha = SyncScriptWriter.writeAtomically(file, w -> {
      for (String l : target.masterPreamble()) {
        w.write(l + "\n");
      }
      w.write("\n");
      for (String c : comments) {
        w.write(c + "\n");
      }
      w.write("\n");
      for (String l : includes) {
        w.write(l + "\n");
      }
      w.write("\n");
      for (String l : target.masterEpilogue()) {
        w.write(l + "\n");
      }
    });
    return new GeneratedScript(kind, null, 0, file, sha, statements);
  }

  /** Adds the include lines of a table's parts of one kind and phase; returns their statements. */
  private long include(List<String> includes, Path master, TableScripts t, String kind, Phase phase) {
    Path from = master.toAbsolutePath().getParent();
    long n = 0;
    for (GeneratedScript g : t.parts()) {
      if (g.kind().equals(kind) && g.phase() == phase) {
        Path p = g.path().toAbsolutePath();
        includes.add(target.includeScript(from.relativize(p).toString().replace('\\', '/'), p.toString()));
        n += g.statements();
      }
    }
    return n;
  }
}
