-- CREATE TABLE for the repair of table-compare session 00000000-1111-2222-3333-444444444444
-- Generated: 2026-01-15T10:00:00Z
-- Source table: APP.ORDERS_X (18 compared columns; columns left out of the comparison are left out here)
-- Written: the columns with types mapped exactly, NOT NULL, the primary key (the comparison key) and unique constraints.
-- Not written, the DBA's to add: foreign keys, other indexes, grants, defaults, identity, check constraints, triggers, storage and tablespace clauses.

CREATE TABLE "APP"."ORDERS_X" (
  "ID" NUMBER(10) NOT NULL,
  "CODE" VARCHAR2(20 CHAR) NOT NULL,
  "NAME" VARCHAR2(50 CHAR),
  "AMOUNT" NUMBER(12,2),
  "BIG" NUMBER,
  "SMALL" NUMBER(5),
  "QTY" NUMBER(10),
  "FLAG" CHAR(1 CHAR) NOT NULL,
  "CREATED" TIMESTAMP(0) NOT NULL,
  "UPDATED" TIMESTAMP(6),
  "DAY_ONLY" TIMESTAMP(0),
  "AT_TZ" TIMESTAMP(6) WITH TIME ZONE,
  "NOTES" CLOB,
  "DATA" RAW(16),
  "IMAGE" BLOB,
  "SCORE" BINARY_DOUBLE,
  "F4" BINARY_FLOAT,
  "ACTIVE" BOOLEAN,
  PRIMARY KEY ("ID"),
  UNIQUE ("CODE")
);
