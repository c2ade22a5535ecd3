package io.dbcompare.repair;

import io.dbcompare.compare.TableRef;
import io.dbcompare.dialect.DdlTypes;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.PortableType;
import io.dbcompare.jdbc.TableCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CREATE TABLE a DBA reviews and runs on the target before {@code --repair} can copy a table the
 * target does not have: the compared columns of the source table with types mapped into the target's
 * dialect (exactly, through {@link PortableType}; see {@link DdlTypes}), NOT NULL, the primary key (the
 * comparison key) and the unique constraints. Foreign keys, other indexes, grants, defaults and storage
 * are the DBA's to add; the header says so.
 *
 * <p>A column whose source type has no exact counterpart is written with a comment naming it and
 * {@code <choose a type>} in place of a type: the statement does not run until a DBA decides, and the
 * script's header and the console say which column it is.
 */
public final class CreateTableScript {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_$#]*");
  /** What stands where no type could be chosen: a syntax error in every dialect, so it cannot run unread. */
  static final String CHOOSE = "<choose a type>";

  private CreateTableScript() {}

  /** The script's text and the columns it could not map (empty when it runs as written). */
  public record Script(String text, List<String> refused) {}

  /**
   * @param header comment lines for the top (session, databases, time), without comment markers
   * @param targetName the target table as the configuration names it, already in the target's case
   */
  public static Script of(TableCatalog.Table table, String sourceName, DdlTypes sourceTypes, Dialect sourceDialect,
      DdlTypes targetTypes, Dialect target, TableRef targetName, List<String> header) {
    List<String> refused = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (TableCatalog.Column c : table.columns()) {
      String name = target.quote(name(c.name(), sourceDialect, target));
      Optional<PortableType> portable = sourceTypes.read(c.type());
      String type;
      if (portable.isEmpty()) {
        refused.add(c.name() + " (source type " + sourceType(c) + ": no exact type mapping for CREATE TABLE scripts yet)");
        type = "/* source type " + sourceType(c) + " */ " + CHOOSE;
      } else {
        Optional<String> declared = targetTypes.declare(portable.get());
        if (declared.isPresent()) {
          type = declared.get();
        } else {
          refused.add(c.name() + " (source type " + sourceType(c) + ": " + targetTypes.whyNot(portable.get()) + ")");
          type = "/* source type " + sourceType(c) + ": " + targetTypes.whyNot(portable.get()) + " */ " + CHOOSE;
        }
      }
      lines.add("  " + name + " " + type + (c.nullable() && !table.key().contains(c.name()) ? "" : " NOT NULL"));
    }
    lines.add("  PRIMARY KEY (" + columns(table.key(), sourceDialect, target) + ")");
    for (List<String> u : table.uniques()) {
      lines.add("  UNIQUE (" + columns(u, sourceDialect, target) + ")");
    }
    StringBuilder sb = new StringBuilder();
    for (String h : header) {
      sb.append(target.scriptComment(h)).append('\n');
    }
    sb.append(target.scriptComment("Source table: " + sourceName + " (" + table.columns().size()
        + " compared columns; columns left out of the comparison are left out here)")).append('\n');
    sb.append(target.scriptComment("Written: the columns with types mapped exactly, NOT NULL, the primary key"
        + " (the comparison key) and unique constraints.")).append('\n');
    sb.append(target.scriptComment("Not written, the DBA's to add: foreign keys, other indexes, grants, defaults,"
        + " identity, check constraints, triggers, storage and tablespace clauses.")).append('\n');
    if (!refused.isEmpty()) {
      sb.append(target.scriptComment("REFUSED: no exact type in the target for " + String.join("; ", refused)
          + ". The statement does not run until a type is written where it says " + CHOOSE + ".")).append('\n');
    }
    sb.append('\n');
    sb.append("CREATE TABLE ").append(target.qualified(targetName)).append(" (\n");
    sb.append(String.join(",\n", lines)).append("\n);\n");
    return new Script(sb.toString(), refused);
  }

  private static String columns(List<String> names, Dialect source, Dialect target) {
    return String.join(", ", names.stream().map(n -> target.quote(name(n, source, target))).toList());
  }

  /**
   * A source column's name on the target: a plain name in the source's case (unquoted there) takes the
   * target's case, so Oracle's {@code EMPLOYEE_ID} is PostgreSQL's {@code employee_id}; any other name
   * keeps its exact spelling (the comparison matches names ignoring case either way).
   */
  static String name(String sourceName, Dialect source, Dialect target) {
    if (PLAIN.matcher(sourceName).matches() && source.foldUnquoted(sourceName).equals(sourceName)) {
      return target.foldUnquoted(sourceName);
    }
    return sourceName;
  }

  private static String sourceType(TableCatalog.Column c) {
    return c.type().typeName() + (c.type().size() > 0 && c.type().size() < Integer.MAX_VALUE
        ? "(" + c.type().size() + (c.type().scale() != 0 ? "," + c.type().scale() : "") + ")" : "");
  }
}
