-- source, first chunk
SELECT "ID", "Region", "ORDER", "AMOUNT" FROM "HR"."Mixed Case" WHERE "ID" <= ? AND ("ID" < ? OR ("ID" = ? AND "Region" <= ?)) ORDER BY "ID", "Region";
-- binds: [BigDecimal 10, BigDecimal 10, BigDecimal 10, String M]

-- source, middle chunk
SELECT "ID", "Region", "ORDER", "AMOUNT" FROM "HR"."Mixed Case" WHERE "ID" >= ? AND ("ID" > ? OR ("ID" = ? AND "Region" > ?)) AND "ID" <= ? AND ("ID" < ? OR ("ID" = ? AND "Region" <= ?)) ORDER BY "ID", "Region";
-- binds: [BigDecimal 10, BigDecimal 10, BigDecimal 10, String M, BigDecimal 20, BigDecimal 20, BigDecimal 20, String O'Brien]

-- source, last chunk
SELECT "ID", "Region", "ORDER", "AMOUNT" FROM "HR"."Mixed Case" WHERE "ID" >= ? AND ("ID" > ? OR ("ID" = ? AND "Region" > ?)) ORDER BY "ID", "Region";
-- binds: [BigDecimal 20, BigDecimal 20, BigDecimal 20, String O'Brien]

-- source, single chunk
SELECT "ID", "Region", "ORDER", "AMOUNT" FROM "HR"."Mixed Case" ORDER BY "ID", "Region";
-- binds: []

-- target, first chunk
SELECT "id", "region", "order", "amount" FROM "hr"."mixed case" WHERE "id" <= ? AND ("id" < ? OR ("id" = ? AND "region" <= ?)) ORDER BY "id", "region";
-- binds: [BigDecimal 10, BigDecimal 10, BigDecimal 10, String M]

-- target, middle chunk
SELECT "id", "region", "order", "amount" FROM "hr"."mixed case" WHERE "id" >= ? AND ("id" > ? OR ("id" = ? AND "region" > ?)) AND "id" <= ? AND ("id" < ? OR ("id" = ? AND "region" <= ?)) ORDER BY "id", "region";
-- binds: [BigDecimal 10, BigDecimal 10, BigDecimal 10, String M, BigDecimal 20, BigDecimal 20, BigDecimal 20, String O'Brien]

-- target, last chunk
SELECT "id", "region", "order", "amount" FROM "hr"."mixed case" WHERE "id" >= ? AND ("id" > ? OR ("id" = ? AND "region" > ?)) ORDER BY "id", "region";
-- binds: [BigDecimal 20, BigDecimal 20, BigDecimal 20, String O'Brien]

-- target, single chunk
SELECT "id", "region", "order", "amount" FROM "hr"."mixed case" ORDER BY "id", "region";
-- binds: []

-- source, middle chunk, with a filter
SELECT "ID", "Region", "ORDER", "AMOUNT" FROM "HR"."Mixed Case" WHERE ("AMOUNT" > 0) AND "ID" >= ? AND ("ID" > ? OR ("ID" = ? AND "Region" > ?)) AND "ID" <= ? AND ("ID" < ? OR ("ID" = ? AND "Region" <= ?)) ORDER BY "ID", "Region";
-- binds: [BigDecimal 10, BigDecimal 10, BigDecimal 10, String M, BigDecimal 20, BigDecimal 20, BigDecimal 20, String O'Brien]

-- target, rows by key (composite key: ORed conjunctions)
SELECT "id", "region", "order", "amount" FROM "hr"."mixed case" WHERE "id" >= ? AND ("id" > ? OR ("id" = ? AND "region" > ?)) AND "id" <= ? AND ("id" < ? OR ("id" = ? AND "region" <= ?)) AND (("id" = ? AND "region" = ?) OR ("id" = ? AND "region" = ?)) ORDER BY "id", "region";
-- binds: [BigDecimal 10, BigDecimal 10, BigDecimal 10, String M, BigDecimal 20, BigDecimal 20, BigDecimal 20, String O'Brien, BigDecimal 10, String M, BigDecimal 15, String N]

-- source, rows by key (one key column: an IN list, one index scan)
SELECT "ID", "AMOUNT" FROM "HR"."ONE" WHERE ("ID" > ?) AND ("ID" <= ?) AND "ID" IN (?, ?, ?) ORDER BY "ID";
-- binds: [BigDecimal 1, BigDecimal 10, BigDecimal 2, BigDecimal 3, BigDecimal 7]

-- boundaries (bind: the chunk size)
SELECT "ID", "Region" FROM (SELECT "ID", "Region", ROW_NUMBER() OVER (ORDER BY "ID", "Region") AS CMP_RN FROM "HR"."Mixed Case") CMP_Q WHERE MOD(CMP_RN, ?) = 0 ORDER BY CMP_RN;
-- boundaries, with a filter
SELECT "ID", "Region" FROM (SELECT "ID", "Region", ROW_NUMBER() OVER (ORDER BY "ID", "Region") AS CMP_RN FROM "HR"."Mixed Case" WHERE ("AMOUNT" > 0)) CMP_Q WHERE MOD(CMP_RN, ?) = 0 ORDER BY CMP_RN;
