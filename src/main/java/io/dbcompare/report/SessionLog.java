package io.dbcompare.report;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Attaches a log file to the session for the duration of a run (Logback is only the backend). */
public final class SessionLog implements AutoCloseable {
  private final FileAppender<ILoggingEvent> appender;
  private final ch.qos.logback.classic.Logger root;
  private final ch.qos.logback.classic.Logger progress;

  private SessionLog(FileAppender<ILoggingEvent> appender, LoggerContext ctx) {
    this.appender = appender;
    this.root = ctx == null ? null : ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    this.progress = ctx == null ? null : ctx.getLogger("progress");
  }

  public static SessionLog attach(Path file, boolean verbose) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return new SessionLog(null, null);
    }
    PatternLayoutEncoder enc = new PatternLayoutEncoder();
    enc.setContext(ctx);
    enc.setPattern("[%d{yyyy-MM-dd HH:mm:ss.SSS}] %replace(%level ){'^INFO $',''}%msg%n%ex");
    enc.start();
    FileAppender<ILoggingEvent> fa = new FileAppender<>();
    fa.setContext(ctx);
    fa.setName("session-" + file.getFileName());
    fa.setFile(file.toString());
    fa.setAppend(true);
    fa.setEncoder(enc);
    fa.start();
    if (verbose) {
      ctx.getLogger("io.dbcompare").setLevel(Level.DEBUG);
    }
    ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(fa);
    ctx.getLogger("progress").addAppender(fa);
    return new SessionLog(fa, ctx);
  }

  @Override
  public void close() {
    if (appender != null) {
      root.detachAppender(appender);
      progress.detachAppender(appender);
      appender.stop();
    }
  }
}
