package io.dbcompare.session;

/**
 * One structure difference of a table as the session file records it (see
 * {@link io.dbcompare.compare.StructureDifference}); changed only by {@link SessionBook}.
 */
public class StructureNote {
  /** {@code column_only_in_source}, {@code column_only_in_target}, {@code type}, {@code length}, ... */
  public String kind;
  /** The column, null for the key. */
  public String column;
  public String source;
  public String target;

  public StructureNote() {}

  public StructureNote(String kind, String column, String source, String target) {
    this.kind = kind;
    this.column = column;
    this.source = source;
    this.target = target;
  }
}
