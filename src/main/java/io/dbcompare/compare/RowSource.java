package io.dbcompare.compare;

/** Reads the rows of one chunk from one side, ordered by the key in {@link KeyOrder}. */
public interface RowSource {
  RowCursor open(TableSpec table, Side side, ChunkBounds bounds);
}
