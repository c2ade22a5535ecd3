package io.dbcompare.compare;

import java.util.List;

/** Chooses chunk boundaries: ascending source keys so that chunks hold about {@code chunkSize} rows. */
public interface ChunkPlanner {
  List<Object[]> boundaries(TableSpec table, int chunkSize);
}
