package io.dbcompare.vendor;

/**
 * What an error means when the statement read at a pinned point in time ({@code snapshot: scn} or
 * {@code exported}), beyond its {@link SqlErrorKind}: the point itself cannot be read. None of these is
 * retried: reading the same point again cannot succeed.
 */
public enum PinnedReadError {
  /** The database no longer holds the data as of that point (Oracle ORA-01555, ORA-08180, ORA-08181). */
  POINT_TOO_OLD,
  /** The table's definition changed after that point (Oracle ORA-01466: TRUNCATE, MOVE, a partition operation). */
  TABLE_CHANGED_SINCE,
  /** Reading a table at a past point needs a privilege the user lacks (Oracle ORA-01031: FLASHBACK). */
  PRIVILEGE_MISSING,
  /**
   * The shared snapshot can no longer be imported: its exporting transaction ended (PostgreSQL 22023
   * invalid snapshot identifier; 25P03 idle-in-transaction timeout).
   */
  SNAPSHOT_GONE
}
