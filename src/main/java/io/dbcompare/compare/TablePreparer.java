package io.dbcompare.compare;

import io.dbcompare.config.TableConfig;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes a table ready to run: resolves it on both sides, plans its chunks (the plan is saved before any
 * chunk runs) or reloads the saved plan, chooses push-down or hashing in Java, and reads back the
 * chunks already in the checkpoint store. A lost connection is retried with the chunks' retry count and
 * backoff; any other failure fails the table at once.
 */
final class TablePreparer {
  private final RunContext ctx;
  private final TableResolver resolver;
  private final ChunkPlanner planner;
  /** Null when push-down is switched off (--no-pushdown): every table is hashed in Java. */
  private final HashPushdown pushdown;

  TablePreparer(RunContext ctx, TableResolver resolver, ChunkPlanner planner, HashPushdown pushdown) {
    this.ctx = ctx;
    this.resolver = resolver;
    this.planner = planner;
    this.pushdown = pushdown;
  }

  /** The prepared table, or null when it failed here (already recorded and reported). */
  TableRun prepare(TableConfig tc, Consumer<TableRun> onEnded) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return prepare(tc, onEnded, attempt < ctx.options.maxRetries());
      } catch (RetryPreparation e) {
        ctx.events.emit(new ProgressEvent.TableRetry(ctx.events.now(), tc.source().display(), attempt + 1,
            e.getCause().getMessage()));
        Thread.sleep(ctx.backoffMillis(attempt));
      }
    }
  }

  /** Thrown by {@link #prepare(TableConfig, Consumer, boolean)} when a retryable error may be retried. */
  private static final class RetryPreparation extends RuntimeException {
    RetryPreparation(CompareException cause) {
      super(cause);
    }
  }

  private TableRun prepare(TableConfig tc, Consumer<TableRun> onEnded, boolean mayRetry) {
    String name = tc.source().display();
    String key = tc.key();
    ProgressBook book = ctx.book;
    try {
      TableSpec spec = resolver.resolve(tc);
      ctx.events.emit(new ProgressEvent.TableKey(ctx.events.now(), name, spec.keySource()));
      if (!spec.structure().isEmpty()) {
        ctx.events.emit(new ProgressEvent.TableStructure(ctx.events.now(), name, spec.structure()));
      }
      TableSnapshot before = book.table(key);
      boolean resumedPlan = before.planned();
      book.tableStarted(key, spec);
      List<ChunkRange> plan;
      if (!resumedPlan) {
        int chunkSize = tc.chunkSize().orElse(ctx.options.defaultChunkSize());
        plan = spec.keyless() ? buckets(planner.buckets(spec, chunkSize))
            : plan(spec, planner.boundaries(spec, chunkSize));
        CrashPoints.hit(CrashPoints.PLAN_BEFORE_SAVE);
        book.planRecorded(key, plan, chunkSize);
        CrashPoints.hit(CrashPoints.PLAN_AFTER_SAVE);
      } else {
        plan = book.chunks(key).stream().map(ChunkSnapshot::range).toList();
        if (spec.keyless() != (before.keyColumns() != null && before.keyColumns().isEmpty())
            || spec.keyless() && plan.stream().anyMatch(r -> r.lower() != null || r.upper() != null)) {
          throw new CompareException(ErrorCode.SESSION_DAMAGED, name + ": the saved plan was made for a table "
              + (spec.keyless() ? "with a key, and it has none now" : "without key, and it has one now")
              + "; start a new session");
        }
        if (plan.get(0).lower() != null || plan.get(plan.size() - 1).upper() != null
            || (before.keyColumns() != null && before.keyColumns().size() != spec.keyCount())) {
          throw new CompareException(ErrorCode.SESSION_DAMAGED, name + ": the saved chunk plan does not fit the table"
              + " (its key changed?); start a new session");
        }
      }
      TableRun run = new TableRun(tc, spec, plan, choosePushdown(spec, name), ctx.events.now(), onEnded);
      int done = 0;
      for (ChunkRange r : plan) {
        Optional<ChunkResult> stored = ctx.checkpoints.load(book.sessionId(), spec, r.index(), plan.size());
        if (stored.isPresent()) {
          book.chunkRestored(key, stored.get());
          done++;
        } else {
          book.chunkPending(key, r.index());
          run.pending.add(r.index());
        }
      }
      if (run.pushdown && !spec.keyless()) {
        run.batchChecksums(ChecksumBatches.width(tc.chunkSize().orElse(ctx.options.defaultChunkSize())),
            ctx.options.threads());
      }
      TableSnapshot prepared = book.tablePrepared(key);
      ctx.events.emit(new ProgressEvent.TablePlanned(ctx.events.now(), name, plan.size(), done, resumedPlan,
          ProgressEvent.TableFacts.of(run.startedAt, prepared)));
      return run;
    } catch (CompareException e) {
      if (e.retryable() && mayRetry && !ctx.stopped()) {
        throw new RetryPreparation(e);
      }
      ctx.failTable(key, name, e);
      return null;
    } catch (RuntimeException e) {
      ctx.failTable(key, name, new CompareException(ErrorCode.INTERNAL, name + ": " + e, e));
      return null;
    }
  }

  /**
   * The chunks of a table without key: one per bucket of rows by row hash, without key bounds (the
   * number of chunks is the number of buckets, so the saved plan fixes the buckets for a resume).
   */
  static List<ChunkRange> buckets(int count) {
    List<ChunkRange> chunks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      chunks.add(new ChunkRange(i, null, null));
    }
    return chunks;
  }

  /** Chunks between the boundaries; the first and the last are open-ended. */
  static List<ChunkRange> plan(TableSpec spec, List<Object[]> bounds) {
    List<ChunkRange> chunks = new ArrayList<>();
    for (int i = 0; i <= bounds.size(); i++) {
      chunks.add(new ChunkRange(i,
          i == 0 ? null : ValueText.encodeKey(spec.keyKinds(), bounds.get(i - 1)),
          i == bounds.size() ? null : ValueText.encodeKey(spec.keyKinds(), bounds.get(i))));
    }
    return chunks;
  }

  /**
   * Whether the databases hash this table's rows: push-down must be on, every column must have an exact
   * SQL encoding on both sides, and sample rows must encode exactly like the Java reference.
   */
  private boolean choosePushdown(TableSpec spec, String name) {
    if (spec.keyless()) {
      mode(name, false, "rows hashed in Java: no key, compared as a multiset of whole rows in buckets by row hash"
          + " (each bucket reads the whole table)");
      return false;
    }
    if (pushdown == null) {
      mode(name, false, "rows hashed in Java (push-down off)");
      return false;
    }
    String blocker = pushdown.blocker(spec);
    if (blocker == null) {
      ChunkBounds all = new ChunkBounds(0, null, null);
      for (Side side : Side.values()) {
        blocker = pushdown.verify(spec, side, all);
        if (blocker != null) {
          break;
        }
      }
    }
    if (blocker != null) {
      mode(name, false, "rows hashed in Java: " + blocker);
      return false;
    }
    String hashing = pushdown.hashing(spec);
    mode(name, true, "checksums and hashes computed by the databases" + (hashing == null ? "" : " (" + hashing + ")"));
    return true;
  }

  private void mode(String name, boolean pushdown, String text) {
    ctx.events.emit(new ProgressEvent.TableMode(ctx.events.now(), name, pushdown, text));
  }
}
