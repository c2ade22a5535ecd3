package io.dbcompare.it;

import java.sql.Connection;
import org.h2.api.Trigger;

/** An H2 trigger that does nothing: the tests only need a trigger to exist. */
public final class NoopTrigger implements Trigger {
  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
    // nothing
  }
}
