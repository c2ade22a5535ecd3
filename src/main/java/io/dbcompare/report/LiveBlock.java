package io.dbcompare.report;

import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;

/**
 * The status block at the bottom of a terminal, redrawn in place by JLine's {@link Display} (which moves
 * the cursor with the terminal's own capabilities, so no escape code is written by hand); lines printed
 * through it scroll above the block. Used only on a terminal that is not dumb (see {@link Terminals}).
 */
final class LiveBlock implements ConsoleSink {
  private final Terminal terminal;
  private final Display display;
  private List<AttributedString> shown = List.of();

  LiveBlock(Terminal terminal) {
    this.terminal = terminal;
    this.display = new Display(terminal, false);
  }

  private int width() {
    int w = terminal.getWidth();
    return w > 0 ? w : 80;
  }

  private int height() {
    int h = terminal.getHeight();
    return h > 0 ? h : 24;
  }

  /** How many lines the block may take: it must never scroll itself off the screen. */
  @Override
  public int maxLines() {
    return Math.max(2, height() - 2);
  }

  @Override
  public void line(String text) {
    display.update(List.of(), 0);
    terminal.writer().println(text);
    terminal.writer().flush();
    display.reset();
    redraw();
  }

  @Override
  public void block(List<String> lines) {
    List<AttributedString> cut = new ArrayList<>();
    int width = width();
    for (String l : lines.subList(0, Math.min(lines.size(), maxLines()))) {
      AttributedString a = new AttributedString(l);
      // one column short of the edge: a full line would wrap on terminals without automatic margins
      cut.add(a.columnLength() >= width ? a.columnSubSequence(0, width - 1) : a);
    }
    shown = cut;
    redraw();
  }

  private void redraw() {
    display.resize(height(), width());
    display.update(shown, -1);
    terminal.flush();
  }

  @Override
  public void close() {
    shown = List.of();
    display.update(List.of(), 0);
    terminal.flush();
  }
}
