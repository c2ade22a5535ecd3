package io.dbcompare.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * What a dialect needs to turn column values into one executable statement: literals that fit in a
 * statement are returned inline; values too large for a literal (an Oracle BLOB beyond 2,000 bytes)
 * are prepared in a PL/SQL block first, and the statement refers to a variable.
 */
public final class SqlScript {
  private final List<String> declarations = new ArrayList<>();
  private final List<String> preparation = new ArrayList<>();
  private final List<String> cleanups = new ArrayList<>();
  private int variables;

  public String newVariable(String type) {
    // not v1: inside SQL in PL/SQL a column of that name would take precedence over the variable
    String name = "tc_lob" + (++variables);
    declarations.add("  " + name + " " + type + ";");
    return name;
  }

  public void prepare(String plsqlLine) {
    preparation.add(plsqlLine);
  }

  /** A PL/SQL line run after the statement (freeing what the preparation allocated). */
  public void cleanup(String plsqlLine) {
    cleanups.add(plsqlLine);
  }

  public boolean needsBlock() {
    return !declarations.isEmpty();
  }

  public List<String> declarations() {
    return declarations;
  }

  public List<String> preparation() {
    return preparation;
  }

  public List<String> cleanups() {
    return cleanups;
  }
}
