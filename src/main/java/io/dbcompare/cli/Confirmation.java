package io.dbcompare.cli;

import java.io.Console;

/**
 * The person at the console, when there is one: {@code --repair} asks before it writes. Injected, so
 * tests decide whether a terminal is there and what it answers.
 */
@FunctionalInterface
public interface Confirmation {
  /** No one to ask (output redirected, a scheduler, a test): questions are never answered. */
  Confirmation NONE = question -> null;

  /** The answer to {@code question}, or null when there is no terminal to ask. */
  String ask(String question);

  /** The process's console, if it has one (standard input and output are a terminal). */
  static Confirmation system() {
    return question -> {
      Console c = System.console();
      return c == null ? null : c.readLine("%s", question);
    };
  }
}
