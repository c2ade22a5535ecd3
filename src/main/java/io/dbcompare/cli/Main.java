package io.dbcompare.cli;

/** The command-line entry point; the only place that calls {@code System.exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.standard().run(args));
  }
}
