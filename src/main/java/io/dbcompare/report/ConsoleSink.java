package io.dbcompare.report;

import java.util.List;

/** Where the console reporter's text goes: lines that scroll, and (on a terminal) a block redrawn in place. */
interface ConsoleSink {
  /** A line that stays (above the block, when there is one). */
  void line(String text);

  /** Replaces the block; sinks without one ignore it. */
  void block(List<String> lines);

  /** Removes the block, leaving the cursor below the last line. */
  void close();

  /** How many lines a block may have. */
  default int maxLines() {
    return Integer.MAX_VALUE;
  }
}
