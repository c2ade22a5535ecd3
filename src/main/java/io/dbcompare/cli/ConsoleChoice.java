package io.dbcompare.cli;

import io.dbcompare.report.ConsoleReporter;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;

/**
 * How the console follows a run: {@code --quiet}, {@code --progress auto|live|plain}, and the terminal
 * (injected: the real one from {@code Cli.standard()}, a test's own, or none).
 */
record ConsoleChoice(boolean quiet, Progress progress, Supplier<Terminal> terminal) {

  enum Progress { AUTO, LIVE, PLAIN }

  /** The mode to use, and the terminal when it is {@link ConsoleReporter.Mode#LIVE} (else null). */
  record Decision(ConsoleReporter.Mode mode, Terminal terminal, String note) {}

  Decision decide() {
    if (quiet) {
      return new Decision(ConsoleReporter.Mode.QUIET, null, null);
    }
    if (progress == Progress.PLAIN) {
      return new Decision(ConsoleReporter.Mode.PLAIN, null, null);
    }
    Terminal t = terminal.get();
    if (t != null) {
      return new Decision(ConsoleReporter.Mode.LIVE, t, null);
    }
    return new Decision(ConsoleReporter.Mode.PLAIN, null, progress == Progress.LIVE
        ? "--progress live: the console is not a terminal that can redraw lines (a pipe, a file, or TERM=dumb);"
            + " printing plain lines" : null);
  }
}
