-- CREATE TABLE for the repair of table-compare session 00000000-1111-2222-3333-444444444444
-- Generated: 2026-01-15T10:00:00Z
-- Source table: APP.ORDERS_X (18 compared columns; columns left out of the comparison are left out here)
-- Written: the columns with types mapped exactly, NOT NULL, the primary key (the comparison key) and unique constraints.
-- Not written, the DBA's to add: foreign keys, other indexes, grants, defaults, identity, check constraints, triggers, storage and tablespace clauses.

CREATE TABLE "APP"."ORDERS_X" (
  "ID" NUMERIC(10,0) NOT NULL,
  "CODE" CHARACTER VARYING(20) NOT NULL,
  "NAME" CHARACTER VARYING(50),
  "AMOUNT" NUMERIC(12,2),
  "BIG" DECFLOAT,
  "SMALL" SMALLINT,
  "QTY" INTEGER,
  "FLAG" CHARACTER(1) NOT NULL,
  "CREATED" TIMESTAMP(0) NOT NULL,
  "UPDATED" TIMESTAMP(6),
  "DAY_ONLY" TIMESTAMP(0),
  "AT_TZ" TIMESTAMP(6) WITH TIME ZONE,
  "NOTES" CHARACTER LARGE OBJECT,
  "DATA" BINARY VARYING(16),
  "IMAGE" BINARY LARGE OBJECT,
  "SCORE" DOUBLE PRECISION,
  "F4" REAL,
  "ACTIVE" BOOLEAN,
  PRIMARY KEY ("ID"),
  UNIQUE ("CODE")
);
