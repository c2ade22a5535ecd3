package io.dbcompare.vendor;

import java.util.List;

/**
 * How a comparison connection is made to refuse writes in the database itself. {@code setReadOnly(true)}
 * is only a hint: the Oracle driver stores a flag and sends nothing, H2 ignores it.
 *
 * @param onBorrow statements run each time a connection is lent, after the session settings (they last
 *     for the session, or at least until it is returned)
 * @param eachTransaction statements that must start every transaction (Oracle's {@code SET TRANSACTION READ
 *     ONLY} ends with the transaction): run when the connection is lent and again after every commit or
 *     rollback while it is
 * @param description how the database enforces it, for the log
 */
public record ReadOnlySession(List<String> onBorrow, List<String> eachTransaction, String description) {
  public ReadOnlySession {
    onBorrow = List.copyOf(onBorrow);
    eachTransaction = List.copyOf(eachTransaction);
  }

  /** The database has no read-only session: only the tool's own statements (SELECTs) keep it unchanged. */
  public static ReadOnlySession none(String description) {
    return new ReadOnlySession(List.of(), List.of(), description);
  }
}
