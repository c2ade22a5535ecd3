package io.dbcompare.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checksums of several consecutive chunks of one table, computed by one query per side and handed
 * to the chunks one at a time, so identical tables do not pay two round trips per chunk.
 *
 * <p>The pending chunks of a table are cut into groups of at most {@code width} consecutive chunks
 * ({@link #group}); the scheduler hands them out so that the workers start different groups
 * ({@link #handOutOrder}). The first chunk of a group asked for computes the checksums of every chunk
 * of its group not asked for yet, in one query per side; the others wait for that query and take
 * their checksums from memory. Each checksum is handed out once and then forgotten: a chunk that is
 * retried (or compared again by a later run) queries its own checksums afresh, and nothing is written
 * anywhere, so a resumed run never sees a checksum of an earlier one. A query that fails fails the
 * chunk that asked and those waiting for it (each through its own retry rules); nothing is kept, so a
 * chunk asking later queries again. Memory: at most {@code width} checksums per group in flight.
 *
 * <p>Read-ahead: when the workers start on a group whose chunks all matched, the query of the group
 * {@code lanes} places further is started at once on a reader thread ({@link #readAhead}), so that the
 * databases compute the next round of groups while the workers checkpoint this one; without it the
 * databases idled between rounds (a third of an identical table's time, README "Performance"). Only
 * after a group that matched: a table with differences everywhere switches to bucket passes instead,
 * and its checksums would be read for nothing. At most {@code lanes} groups run ahead of the workers;
 * a read-ahead that fails leaves its chunks to query on their own (a chunk already waiting for it fails
 * through its retry rules, as with any batch).
 */
final class ChecksumBatches {
  private static final Logger log = LoggerFactory.getLogger(ChecksumBatches.class);
  /** Rows a batched query should cover (about 100,000 to 1,000,000: per-query overhead stays small). */
  static final long BATCH_ROWS = 500_000;
  /** At most this many chunks per query (one UNION ALL branch each, with its own bound parameters). */
  static final int MAX_WIDTH = 64;

  private final TableSpec table;
  private final List<ChunkRange> plan;
  private final Map<Integer, CompletableFuture<Checksum[]>> inFlight = new HashMap<>();
  private final Set<Integer> handedOut = new HashSet<>();
  private final List<List<Integer>> groups;
  private final Map<Integer, Integer> groupIndex = new HashMap<>();
  private final int lanes;
  /** Groups whose computed checksums matched on every chunk. */
  private final Set<Integer> matched = new HashSet<>();
  /** Groups the workers started on (each triggers its read-ahead once). */
  private final Set<Integer> started = new HashSet<>();

  /**
   * @param groups groups of consecutive chunk indexes ({@link #group}), in the order they are handed out
   * @param lanes groups handed out at a time ({@link #handOutOrder}): the read-ahead distance
   */
  ChecksumBatches(TableSpec table, List<ChunkRange> plan, List<List<Integer>> groups, int lanes) {
    this.table = table;
    this.plan = plan;
    this.groups = List.copyOf(groups);
    this.lanes = Math.max(1, lanes);
    for (int i = 0; i < groups.size(); i++) {
      for (int c : groups.get(i)) {
        groupIndex.put(c, i);
      }
    }
  }

  /** Chunks per batch for a chunk size: about {@link #BATCH_ROWS} rows, 1 to {@link #MAX_WIDTH}. */
  static int width(long chunkSize) {
    return (int) Math.max(1, Math.min(MAX_WIDTH, BATCH_ROWS / Math.max(1, chunkSize)));
  }

  /**
   * Cuts ascending chunk indexes into runs of consecutive ones: the first of one chunk, each next one
   * twice as wide, up to {@code width}. A table whose differences are spread over every chunk is
   * recognised after its first chunks ({@link ChunkRunner#SPREAD_STREAK}) and compared by bucket passes
   * from then on; small first batches keep it from computing checksums of many chunks first, which
   * would all differ. An identical table pays a handful of queries more.
   */
  static List<List<Integer>> group(List<Integer> pending, int width) {
    List<List<Integer>> groups = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    int limit = 1;
    for (int c : pending) {
      if (!current.isEmpty() && (current.size() >= limit || c != current.get(current.size() - 1) + 1)) {
        groups.add(List.copyOf(current));
        current.clear();
        limit = Math.min(width, limit * 2);
      }
      current.add(c);
    }
    if (!current.isEmpty()) {
      groups.add(List.copyOf(current));
    }
    return groups;
  }

  /**
   * The order in which to hand the chunks out: {@code lanes} groups at a time, their chunks taken in
   * turn (first of each, then second of each, ...), so that each worker starts a group of its own.
   */
  static List<Integer> handOutOrder(List<List<Integer>> groups, int lanes) {
    List<Integer> order = new ArrayList<>();
    for (int from = 0; from < groups.size(); from += lanes) {
      List<List<Integer>> round = groups.subList(from, Math.min(groups.size(), from + lanes));
      int longest = round.stream().mapToInt(List::size).max().orElse(0);
      for (int i = 0; i < longest; i++) {
        for (List<Integer> g : round) {
          if (i < g.size()) {
            order.add(g.get(i));
          }
        }
      }
    }
    return order;
  }

  /**
   * The chunk's checksums (source, target) if a batch computed them already, else null (and no query
   * runs). Either way the chunk counts as handed out: no later batch includes it.
   */
  Checksum[] ready(int chunk, HashPushdown db, ExecutorService readers, BooleanSupplier stopped)
      throws InterruptedException {
    CompletableFuture<Checksum[]> f;
    synchronized (this) {
      handedOut.add(chunk);
      f = inFlight.remove(chunk);
    }
    if (f == null) {
      return null;
    }
    Checksum[] sums = await(f);
    startedOn(chunk, db, readers, stopped);
    return sums;
  }

  /** The chunk's checksums: from a batch computed or being computed, or by a batch query now. */
  Checksum[] get(int chunk, HashPushdown db, ExecutorService readers, BooleanSupplier stopped)
      throws InterruptedException {
    List<Integer> batch = new ArrayList<>();
    List<CompletableFuture<Checksum[]>> futures = new ArrayList<>();
    CompletableFuture<Checksum[]> waiting;
    synchronized (this) {
      waiting = inFlight.remove(chunk);
      if (waiting == null) {
        handedOut.add(chunk);
        // the consecutive run of the group around this chunk that no one asked for yet
        Integer g = groupIndex.get(chunk);
        List<Integer> group = g == null ? List.of(chunk) : groups.get(g);
        int at = group.indexOf(chunk);
        int from = at;
        while (from > 0 && free(group.get(from - 1))) {
          from--;
        }
        int to = at;
        while (to + 1 < group.size() && free(group.get(to + 1))) {
          to++;
        }
        for (int i = from; i <= to; i++) {
          int c = group.get(i);
          batch.add(c);
          CompletableFuture<Checksum[]> mine = new CompletableFuture<>();
          futures.add(mine);
          if (c != chunk) {
            inFlight.put(c, mine);
          }
        }
      } else {
        handedOut.add(chunk);
      }
    }
    if (waiting != null) {
      // awaited outside the monitor: the query completing it takes the monitor too
      Checksum[] sums = await(waiting);
      startedOn(chunk, db, readers, stopped);
      return sums;
    }
    List<Checksum[]> sums = complete(batch, futures, db, readers);
    startedOn(chunk, db, readers, stopped);
    return sums.get(batch.indexOf(chunk));
  }

  /**
   * Queries a batch and completes its chunks' futures (recording whether they all matched). A query that
   * fails fails the futures and takes them out of {@link #inFlight}: a chunk asking later queries again.
   */
  private List<Checksum[]> complete(List<Integer> batch, List<CompletableFuture<Checksum[]>> futures, HashPushdown db,
      ExecutorService readers) throws InterruptedException {
    try {
      List<Checksum[]> sums = compute(batch, db, readers);
      matched(batch, sums);
      for (int i = 0; i < batch.size(); i++) {
        futures.get(i).complete(sums.get(i));
      }
      return sums;
    } catch (RuntimeException | InterruptedException | Error e) {
      withdraw(batch, futures);
      for (CompletableFuture<Checksum[]> f : futures) {
        f.completeExceptionally(e);
      }
      throw e;
    }
  }

  /** Takes a batch's futures out of {@link #inFlight} (those still there: a waiting chunk took its own). */
  private synchronized void withdraw(List<Integer> batch, List<CompletableFuture<Checksum[]>> futures) {
    for (int i = 0; i < batch.size(); i++) {
      inFlight.remove(batch.get(i), futures.get(i));
    }
  }

  /** Records a batch's group as matched when every chunk of the batch matched (then it may read ahead). */
  private synchronized void matched(List<Integer> batch, List<Checksum[]> sums) {
    for (Checksum[] s : sums) {
      if (!s[0].equals(s[1])) {
        return;
      }
    }
    Integer g = groupIndex.get(batch.get(0));
    if (g != null) {
      matched.add(g);
    }
  }

  /**
   * A worker has the checksums of {@code chunk}: the first time this happens in a group whose chunks all
   * matched, the group {@code lanes} places further is read ahead.
   */
  private void startedOn(int chunk, HashPushdown db, ExecutorService readers, BooleanSupplier stopped) {
    Integer g = groupIndex.get(chunk);
    boolean go;
    synchronized (this) {
      go = g != null && matched.contains(g) && started.add(g);
    }
    if (go && !stopped.getAsBoolean()) {
      readAhead(g + lanes, db, readers);
    }
  }

  /** Starts the query of group {@code g} on a reader thread when none of its chunks was asked for yet. */
  void readAhead(int g, HashPushdown db, ExecutorService readers) {
    if (g >= groups.size()) {
      return;
    }
    List<Integer> group = groups.get(g);
    List<CompletableFuture<Checksum[]>> futures = new ArrayList<>();
    synchronized (this) {
      for (int c : group) {
        if (!free(c)) {
          return;
        }
      }
      for (int c : group) {
        CompletableFuture<Checksum[]> f = new CompletableFuture<>();
        inFlight.put(c, f);
        futures.add(f);
      }
    }
    Runnable query = () -> {
      try {
        complete(group, futures, db, readers);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | Error e) {
        log.debug("read-ahead of chunks {} failed; they query on their own", group, e);
      }
    };
    try {
      readers.execute(query);
    } catch (RejectedExecutionException e) {
      withdraw(group, futures); // the run is ending: its chunks query on their own
    }
  }

  private boolean free(int chunk) {
    return !handedOut.contains(chunk) && !inFlight.containsKey(chunk);
  }

  private List<Checksum[]> compute(List<Integer> batch, HashPushdown db, ExecutorService readers) throws InterruptedException {
    List<Checksum[]> out = new ArrayList<>();
    if (batch.size() == 1) {
      ChunkBounds b = plan.get(batch.get(0)).bounds();
      List<Checksum> c = BisectingComparer.both(readers, side -> db.checksum(table, side, b));
      out.add(new Checksum[] {c.get(0), c.get(1)});
      return out;
    }
    List<ChunkBounds> bounds = new ArrayList<>();
    for (int c : batch) {
      bounds.add(plan.get(c).bounds());
    }
    List<List<Checksum>> sums = BisectingComparer.both(readers, side -> db.checksums(table, side, bounds));
    for (int i = 0; i < batch.size(); i++) {
      out.add(new Checksum[] {sums.get(0).get(i), sums.get(1).get(i)});
    }
    return out;
  }

  private static Checksum[] await(CompletableFuture<Checksum[]> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof InterruptedException) {
        throw new IllegalStateException("the batched checksum query was interrupted", c);
      }
      throw Causes.unchecked(e);
    }
  }
}
