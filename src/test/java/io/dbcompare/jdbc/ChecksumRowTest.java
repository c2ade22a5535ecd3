package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dbcompare.compare.Checksum;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 8: Oracle's checksum row has no counts of negative slices (its slices are unsigned),
 * PostgreSQL's and H2's have one after each sum; both layouts read back as the same unsigned sums.
 */
class ChecksumRowTest {

  /** A one-row result set over the given column values (1-based). */
  static ResultSet row(Object... columns) {
    return (ResultSet) Proxy.newProxyInstance(ChecksumRowTest.class.getClassLoader(), new Class<?>[] {ResultSet.class},
        (proxy, m, args) -> switch (m.getName()) {
          case "next" -> true;
          case "getLong" -> ((BigDecimal) columns[(Integer) args[0] - 1]).longValueExact();
          case "getBigDecimal" -> (BigDecimal) columns[(Integer) args[0] - 1];
          default -> throw new UnsupportedOperationException(m.getName());
        });
  }

  @Test
  void unsignedAndSignedSlicesGiveTheSameSums() throws Exception {
    BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
    // two rows whose first slices are 0xFFFF...FF and 1 (unsigned), i.e. -1 and 1 (signed)
    BigDecimal unsignedSum0 = new BigDecimal(twoTo64.subtract(BigInteger.ONE).add(BigInteger.ONE));
    Checksum oracle = JdbcHashPushdown.readChecksum(row(BigDecimal.valueOf(2), unsignedSum0, BigDecimal.valueOf(7)), 2, false);
    Checksum postgres = JdbcHashPushdown.readChecksum(row(BigDecimal.valueOf(2), BigDecimal.ZERO, BigDecimal.ONE,
        BigDecimal.valueOf(7), BigDecimal.ZERO), 2, true);
    assertEquals(new Checksum(2, List.of(twoTo64, BigInteger.valueOf(7))), oracle);
    assertEquals(oracle, postgres);
  }
}
