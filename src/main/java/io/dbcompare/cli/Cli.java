package io.dbcompare.cli;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ExitCodes;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import io.dbcompare.report.Terminals;
import org.jline.terminal.Terminal;
import picocli.CommandLine;

/**
 * Runs the command with injected streams, environment and clock, so tests run the real CLI in-process.
 * Every failure ends here as one line on stderr and an exit status; the stack trace only with --verbose.
 */
public final class Cli {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Function<String, String> env;
  private final Clock clock;
  private final boolean handleSignals;
  private final Supplier<Terminal> terminal;
  private final Confirmation confirmation;

  /** A CLI whose console is not a terminal (plain progress lines) and that has no one to confirm. */
  public Cli(PrintWriter out, PrintWriter err, Function<String, String> env, Clock clock, boolean handleSignals) {
    this(out, err, env, clock, handleSignals, () -> null);
  }

  /**
   * @param terminal the console's terminal when it can show a live block, else null (asked only when a
   *     comparison starts with {@code --progress auto} or {@code live})
   */
  public Cli(PrintWriter out, PrintWriter err, Function<String, String> env, Clock clock, boolean handleSignals,
      Supplier<Terminal> terminal) {
    this(out, err, env, clock, handleSignals, terminal, Confirmation.NONE);
  }

  /** A CLI without a live terminal whose questions ({@code --repair}'s confirmation) {@code confirmation} answers. */
  public Cli(PrintWriter out, PrintWriter err, Function<String, String> env, Clock clock, boolean handleSignals,
      Confirmation confirmation) {
    this(out, err, env, clock, handleSignals, () -> null, confirmation);
  }

  /**
   * @param confirmation who answers questions before writing ({@code --repair} without {@code --yes})
   */
  public Cli(PrintWriter out, PrintWriter err, Function<String, String> env, Clock clock, boolean handleSignals,
      Supplier<Terminal> terminal, Confirmation confirmation) {
    this.terminal = terminal;
    this.confirmation = confirmation;
    this.out = out;
    this.err = err;
    this.env = env;
    this.clock = clock;
    this.handleSignals = handleSignals;
  }

  static Cli standard() {
    return new Cli(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        System::getenv, Clock.systemUTC(), true, Terminals::system, Confirmation.system());
  }

  public int run(String... args) {
    CompareCommand command = new CompareCommand(out, err, env, clock, handleSignals, terminal, confirmation);
    CommandLine cl = new CommandLine(command);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("error: " + oneLine(ex.getMessage()));
      err.println("Run 'compare --help' for usage.");
      err.flush();
      return ExitCodes.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      boolean verbose = command.verbose();
      if (ex instanceof CompareException ce) {
        String hint = !verbose && ce.getCause() != null ? " (--verbose shows details)" : "";
        err.println("error: " + oneLine(ce.getMessage()) + hint);
        if (verbose) {
          ce.printStackTrace(err);
        }
        err.flush();
        return ce.exitCode();
      }
      err.println("internal error: " + oneLine(String.valueOf(ex)) + (verbose ? "" : " (--verbose shows the stack trace)"));
      if (verbose) {
        ex.printStackTrace(err);
      }
      err.flush();
      return ExitCodes.FAILED;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Messages quote user input (ids, names, values); a line break in it must not break the one-line error. */
  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\r\\n|[\\r\\n\\u0085\\u2028\\u2029]", "\\\\n");
  }
}
