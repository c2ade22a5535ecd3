package io.dbcompare.compare;

/**
 * One compared column, matched by name on both sides.
 *
 * @param name the source column name (exact catalog spelling)
 * @param targetName the target column name (exact catalog spelling; may differ in case)
 * @param kind the canonical kind both sides are read as
 * @param sourceType the source's type name as the catalog reports it (for messages)
 * @param targetType the target's type name, used to render sync-script literals
 * @param key whether the column is part of the comparison key
 * @param sourceSize the source's declared precision and scale, where the source's catalog was asked
 * @param targetSize the target's likewise
 */
public record ColumnSpec(
    String name, String targetName, ValueKind kind, String sourceType, String targetType, boolean key,
    DeclaredSize sourceSize, DeclaredSize targetSize) {

  public ColumnSpec {
    sourceSize = sourceSize == null ? DeclaredSize.UNKNOWN : sourceSize;
    targetSize = targetSize == null ? DeclaredSize.UNKNOWN : targetSize;
  }

  /** A column whose declared sizes were not read. */
  public ColumnSpec(String name, String targetName, ValueKind kind, String sourceType, String targetType, boolean key) {
    this(name, targetName, kind, sourceType, targetType, key, DeclaredSize.UNKNOWN, DeclaredSize.UNKNOWN);
  }

  public String type(Side side) {
    return side == Side.SOURCE ? sourceType : targetType;
  }

  public String name(Side side) {
    return side == Side.SOURCE ? name : targetName;
  }

  public DeclaredSize size(Side side) {
    return side == Side.SOURCE ? sourceSize : targetSize;
  }

  public ColumnSpec withSizes(DeclaredSize source, DeclaredSize target) {
    return new ColumnSpec(name, targetName, kind, sourceType, targetType, key, source, target);
  }
}
