\set ON_ERROR_STOP on
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SET TIME ZONE 'UTC';
BEGIN;

-- Session:             00000000-0000-0000-0000-000000000000
-- Table:               HR.Mixed Case (source) -> HR.Mixed Case (target)
-- Source:              jdbc:postgresql://src:5432/db?ssl=true&sslmode=require
-- Target:              fixed target
-- Generated:           2024-01-01T00:00:00Z
-- Statements:          2 DELETE, 0 UPDATE, 2 INSERT (only compared columns are written)
-- No key:              HR.Event Log has no primary key and no unique index on NOT NULL
--                      columns: its rows were compared as a multiset of whole rows. Each DELETE removes
--                      one copy of a row whose every compared column has the value as the comparison read it
--                      (NULL as IS NULL, LOBs compared whole) and stops the script when there is none;
--                      each INSERT adds one copy. A row present k more times on one side has k statements.
-- Commits:             after every 1 statements of a phase and at the end; an error stops
--                      the script and rolls back the statements since the last COMMIT.
-- Review before running against HR.Event Log.

DO $sync$
BEGIN
  DELETE FROM "HR"."Event Log" WHERE (tableoid, ctid) = (SELECT tableoid, ctid FROM "HR"."Event Log" WHERE "EVENT" = 'logout' AND "AMOUNT" = 0 AND "RATIO" IS NULL AND "BODY" IS NULL AND "TAG" IS NULL AND "AT" = TIMESTAMP '2024-02-02 10:30:15.000000000' LIMIT 1);
  IF NOT FOUND THEN
    RAISE EXCEPTION USING MESSAGE = 'sync stopped: HR.Event Log (EVENT=logout, AMOUNT=0, RATIO=NULL, BODY=NULL, TAG=NULL, AT=2024-02-02 10:30:15.000000000) changed since the comparison (DELETE found no row with the values it read)';
  END IF;
END
$sync$;
COMMIT;
BEGIN;
DO $sync$
BEGIN
  DELETE FROM "HR"."Event Log" WHERE (tableoid, ctid) = (SELECT tableoid, ctid FROM "HR"."Event Log" WHERE "EVENT" = 'it''s 日本 & "x"' AND "AMOUNT" = -7 AND "RATIO" = 'NaN'::float8 AND "BODY" = 'line 1
line 2' AND "TAG" = '\x'::bytea AND "AT" = TIMESTAMP '2024-02-03 10:30:15.000000000' LIMIT 1);
  IF NOT FOUND THEN
    RAISE EXCEPTION USING MESSAGE = 'sync stopped: HR.Event Log (EVENT=it''s 日本 & "x", AMOUNT=-7, RATIO=NaN, BODY=line 1
line 2, TAG=, AT=2024-02-03 10:30:15.000000000) changed since the comparison (DELETE found no row with the values it read)';
  END IF;
END
$sync$;
INSERT INTO "HR"."Event Log" ("EVENT", "AMOUNT", "RATIO", "BODY", "TAG", "AT") VALUES ('login', 1.500, '0.25'::float8, 'body', '\x0102'::bytea, TIMESTAMP '2024-02-01 10:30:15.000000000');
COMMIT;
BEGIN;
INSERT INTO "HR"."Event Log" ("EVENT", "AMOUNT", "RATIO", "BODY", "TAG", "AT") VALUES ('login', 1.500, '0.25'::float8, 'body', '\x0102'::bytea, TIMESTAMP '2024-02-01 10:30:15.000000000');

COMMIT;
