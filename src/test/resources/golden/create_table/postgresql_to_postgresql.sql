-- CREATE TABLE for the repair of table-compare session 00000000-1111-2222-3333-444444444444
-- Generated: 2026-01-15T10:00:00Z
-- Source table: app.orders_x (17 compared columns; columns left out of the comparison are left out here)
-- Written: the columns with types mapped exactly, NOT NULL, the primary key (the comparison key) and unique constraints.
-- Not written, the DBA's to add: foreign keys, other indexes, grants, defaults, identity, check constraints, triggers, storage and tablespace clauses.

CREATE TABLE "app"."orders_x" (
  "id" bigint NOT NULL,
  "code" varchar(20) NOT NULL,
  "name" varchar,
  "amount" numeric(12,2),
  "big" numeric,
  "small" smallint,
  "qty" integer,
  "flag" char(1) NOT NULL,
  "created" timestamp(0) NOT NULL,
  "updated" timestamp(6),
  "day" date,
  "at_tz" timestamptz(6),
  "notes" text,
  "data" bytea,
  "score" double precision,
  "f4" real,
  "active" boolean,
  PRIMARY KEY ("id"),
  UNIQUE ("code")
);
