package io.dbcompare.report;

import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Decides whether the console is a terminal that can show a live block. */
public final class Terminals {
  private Terminals() {}

  /**
   * The process's terminal when standard input and output are an interactive terminal that can move
   * its cursor (not a pipe, a file, {@code nohup}, CI, or {@code TERM=dumb}); otherwise null, and the
   * console prints plain lines. JLine finds the platform's terminal (POSIX, or the Windows console
   * through its native providers); where it cannot, it reports a dumb terminal and so plain lines.
   */
  public static Terminal system() {
    if (System.console() == null) {
      return null;
    }
    try {
      // no signal handlers of JLine's own: Ctrl-C belongs to the run (cli.Signals)
      Terminal t = TerminalBuilder.builder().system(true).nativeSignals(false).dumb(true).build();
      if (isDumb(t)) {
        t.close();
        return null;
      }
      return t;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A terminal that cannot move its cursor: plain lines only. */
  public static boolean isDumb(Terminal t) {
    String type = t.getType();
    return type == null || type.startsWith(Terminal.TYPE_DUMB) || t.getWidth() <= 0;
  }
}
