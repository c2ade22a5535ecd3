package io.dbcompare.dialect;

import io.dbcompare.compare.DeclaredSize;
import io.dbcompare.compare.ValueKind;

/**
 * One compared column as the native row hash ({@link PushdownSql#nativeValueHash}, {@link PushdownSql#nativeRowText})
 * sees it on one side.
 *
 * @param quoted the column, quoted for this side's SQL
 * @param kind the canonical kind both sides read it as
 * @param typeName its type as this side's catalog reports it (the same on both sides)
 * @param size its declared precision and scale (the same on both sides)
 */
public record NativeColumn(String quoted, ValueKind kind, String typeName, DeclaredSize size) {}
