package io.dbcompare.jdbc;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.KeyColumnOrder;
import io.dbcompare.compare.KeyOrders;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.dialect.ColumnDetails;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.vendor.DatabaseType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a resolved table with what each side's catalog says beyond JDBC metadata: declared sizes
 * (whether a number's SQL text needs a check) and, for every text key column, the binary order each
 * database sorts it in. One order is chosen for both sides ({@link KeyOrders#choose}) or the table is
 * refused, naming the column.
 */
final class KeyOrderResolver {
  private static final Logger log = LoggerFactory.getLogger(KeyOrderResolver.class);

  private KeyOrderResolver() {}

  static TableSpec complete(Pools pools, TableSpec t) {
    Map<Side, Map<String, ColumnDetails>> details = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      details.put(side, read(pools.of(side), t, side));
    }
    List<ColumnSpec> columns = new ArrayList<>();
    for (ColumnSpec c : t.columns()) {
      columns.add(c.withSizes(detail(details, Side.SOURCE, c).size(), detail(details, Side.TARGET, c).size()));
    }
    List<KeyColumnOrder> orders = new ArrayList<>();
    for (int i = 0; i < t.keyCount(); i++) {
      ColumnSpec c = t.columns().get(i);
      if (c.kind() != ValueKind.TEXT) {
        orders.add(KeyColumnOrder.DEFAULT);
        continue;
      }
      KeyOrders.SideText source = sideText(pools, Side.SOURCE, c, detail(details, Side.SOURCE, c));
      KeyOrders.SideText target = sideText(pools, Side.TARGET, c, detail(details, Side.TARGET, c));
      KeyColumnOrder o = KeyOrders.choose(t.displayName(), c.name(), source, target);
      for (Side side : Side.values()) {
        if (o.rendering(side) != KeyColumnOrder.Rendering.PLAIN) {
          log.info("{}: key column {} is ordered as {} on the {} ({}), which an ordinary index does not serve",
              t.displayName(), c.name(side), o.rendering(side), side.label(),
              (side == Side.SOURCE ? source : target).what());
        }
      }
      orders.add(o);
    }
    return t.withColumns(columns).withKeyOrders(orders);
  }

  private static ColumnDetails detail(Map<Side, Map<String, ColumnDetails>> details, Side side, ColumnSpec c) {
    return details.get(side).getOrDefault(c.name(side), ColumnDetails.NONE);
  }

  private static KeyOrders.SideText sideText(Pools pools, Side side, ColumnSpec c, ColumnDetails d) {
    ConnectionPool pool = pools.of(side);
    return pool.databaseType().keyText(pool.facts(), c.type(side), d);
  }

  private static Map<String, ColumnDetails> read(ConnectionPool pool, TableSpec t, Side side) {
    DatabaseType type = pool.databaseType();
    DatabaseFacts facts = pool.facts();
    if (type.columnDetailsSql(facts).isEmpty()) {
      return Map.of(); // nothing to read: no connection to borrow (and set up) per table
    }
    Connection c = pool.borrow();
    try {
      return CatalogFacts.columns(c, type, facts, t.ref(side));
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "reading the column details of " + t.ref(side).display(), pool.database());
    } finally {
      ConnectionPool.release(c);
    }
  }
}
