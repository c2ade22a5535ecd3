package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** The block on a real JLine terminal (an xterm writing into memory). */
class LiveBlockTest {
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

  /** Written synchronously (a terminal from the builder may copy its output on a thread of its own). */
  private Terminal terminal(String type, int cols, int rows) throws Exception {
    Terminal t = new ExternalTerminal("test", type, new ByteArrayInputStream(new byte[0]), screen,
        StandardCharsets.UTF_8);
    t.setSize(new Size(cols, rows));
    return t;
  }

  private String written() {
    return screen.toString(StandardCharsets.UTF_8);
  }

  @Test
  void linesScrollAboveTheBlockWhichIsRedrawnInPlace() throws Exception {
    try (Terminal t = terminal("xterm-256color", 80, 24)) {
      LiveBlock b = new LiveBlock(t);
      b.block(List.of(" HR.EMPLOYEES  10,000 / 1,000,000 rows", " 0/2 tables"));
      int before = written().length();
      b.line("[1/2] HR.EMPLOYEES: identical  1,000,000 rows  20 s");
      String after = written().substring(before);
      assertTrue(after.contains("[1/2] HR.EMPLOYEES: identical  1,000,000 rows  20 s"), after);
      // the cursor went up over the block (the terminal's own capability, from its terminfo) before the line
      assertTrue(after.indexOf("\u001B[A") < after.indexOf("[1/2]"), after);
      assertTrue(after.endsWith("0/2 tables"), "and the block is drawn again below it: " + after);
      b.close();
    }
  }

  @Test
  void linesWiderThanTheTerminalAreCutAndTheBlockFitsItsHeight() throws Exception {
    try (Terminal t = terminal("xterm-256color", 20, 5)) {
      LiveBlock b = new LiveBlock(t);
      assertEquals(3, b.maxLines(), "two lines of the screen stay free");
      b.block(List.of("a".repeat(50), "b", "c", "d"));
      String s = written();
      assertTrue(s.contains("a".repeat(19)) && !s.contains("a".repeat(20)), s);
      assertTrue(s.contains("c") && !s.contains("d"), s);
    }
  }

  @Test
  void aDumbTerminalGetsPlainLines() throws Exception {
    try (Terminal t = terminal("dumb", 80, 24)) {
      assertTrue(Terminals.isDumb(t));
    }
    try (Terminal t = terminal("xterm-256color", 80, 24)) {
      assertTrue(!Terminals.isDumb(t));
    }
  }
}
