package io.dbcompare.compare.recheck;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.TableStageContext;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.util.Iterator;

/**
 * The results after the recheck, read one chunk at a time: a chunk that had differences comes from the
 * recheck's state (its persistent differences with the values of the last read), any other as it was.
 */
final class RecheckedResults implements Iterable<ChunkResult> {
  private final TableStageContext context;
  private final Iterable<ChunkResult> input;

  RecheckedResults(TableStageContext context, Iterable<ChunkResult> input) {
    this.context = context;
    this.input = input;
  }

  @Override
  public Iterator<ChunkResult> iterator() {
    Iterator<ChunkResult> in = input.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public ChunkResult next() {
        ChunkResult r = in.next();
        if (r.differences() == 0) {
          return r;
        }
        return context.state().load(r.chunkIndex()).orElseThrow(() -> new CompareException(
            ErrorCode.CHECKPOINT_CORRUPT, context.table().displayName() + ": the recheck result of chunk "
                + (r.chunkIndex() + 1) + " disappeared or was damaged while writing results; resume the session"
                + " with --retry-failed to recheck it again"));
      }
    };
  }
}
