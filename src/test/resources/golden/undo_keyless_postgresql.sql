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
-- Undo of:             sync_keyless_postgresql.sql
--                      Run it after that script ran to its end: it deletes the rows the sync inserted,
--                      sets the updated columns back and inserts the deleted rows again, as the
--                      comparison read them from HR.Event Log.
-- Statements:          2 DELETE, 0 UPDATE, 2 INSERT
-- No key:              HR.Event Log has no primary key and no unique index on NOT NULL
--                      columns: its rows were compared as a multiset of whole rows. Each DELETE removes
--                      one copy of a row whose every compared column has the value as the sync script left it
--                      (NULL as IS NULL, LOBs compared whole) and stops the script when there is none;
--                      each INSERT adds one copy. A row present k more times on one side has k statements.
-- Commits:             after every 1 statements of a phase and at the end; an error stops
--                      the script and rolls back the statements since the last COMMIT.

DO $sync$
BEGIN
  DELETE FROM "HR"."Event Log" WHERE (tableoid, ctid) = (SELECT tableoid, ctid FROM "HR"."Event Log" WHERE "EVENT" = 'login' AND "AMOUNT" = 1.500 AND "RATIO" = '0.25'::float8 AND "BODY" = 'body' AND "TAG" = '\x0102'::bytea AND "AT" = TIMESTAMP '2024-02-01 10:30:15.000000000' LIMIT 1);
  IF NOT FOUND THEN
    RAISE EXCEPTION USING MESSAGE = 'undo stopped: HR.Event Log (EVENT=login, AMOUNT=1.5, RATIO=0.25, BODY=body, TAG=0102, AT=2024-02-01 10:30:15.000000000) is not as the sync script left it (DELETE found no row with those values)';
  END IF;
END
$sync$;
COMMIT;
BEGIN;
DO $sync$
BEGIN
  DELETE FROM "HR"."Event Log" WHERE (tableoid, ctid) = (SELECT tableoid, ctid FROM "HR"."Event Log" WHERE "EVENT" = 'login' AND "AMOUNT" = 1.500 AND "RATIO" = '0.25'::float8 AND "BODY" = 'body' AND "TAG" = '\x0102'::bytea AND "AT" = TIMESTAMP '2024-02-01 10:30:15.000000000' LIMIT 1);
  IF NOT FOUND THEN
    RAISE EXCEPTION USING MESSAGE = 'undo stopped: HR.Event Log (EVENT=login, AMOUNT=1.5, RATIO=0.25, BODY=body, TAG=0102, AT=2024-02-01 10:30:15.000000000) is not as the sync script left it (DELETE found no row with those values)';
  END IF;
END
$sync$;
INSERT INTO "HR"."Event Log" ("EVENT", "AMOUNT", "RATIO", "BODY", "TAG", "AT") VALUES ('logout', 0, NULL, NULL, NULL, TIMESTAMP '2024-02-02 10:30:15.000000000');
COMMIT;
BEGIN;
INSERT INTO "HR"."Event Log" ("EVENT", "AMOUNT", "RATIO", "BODY", "TAG", "AT") VALUES ('it''s 日本 & "x"', -7, 'NaN'::float8, 'line 1
line 2', '\x'::bytea, TIMESTAMP '2024-02-03 10:30:15.000000000');

COMMIT;
