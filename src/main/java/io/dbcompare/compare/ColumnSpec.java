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
 */
public record ColumnSpec(
    String name, String targetName, ValueKind kind, String sourceType, String targetType, boolean key) {}
