SET DEFINE OFF
SET SQLBLANKLINES ON
WHENEVER SQLERROR EXIT FAILURE ROLLBACK
WHENEVER OSERROR EXIT FAILURE ROLLBACK
ALTER SESSION SET NLS_NUMERIC_CHARACTERS='.,' NLS_COMP=BINARY NLS_SORT=BINARY TIME_ZONE='+00:00';
-- ASCII only: non-ASCII text is written with UNISTR, control characters and ampersands with CHR,
-- so neither NLS_LANG nor SQL*Plus substitution can change a value.
-- TIME_ZONE='+00:00' holds for this session: CURRENT_DATE, CURRENT_TIMESTAMP and LOCALTIMESTAMP give
-- UTC here, and so do column defaults and triggers that use them; SYSDATE and SYSTIMESTAMP do not change.

-- Session:             00000000-0000-0000-0000-000000000000
-- Table:               HR.Mixed Case (source) -> HR.Mixed Case (target)
-- Source:              jdbc:postgresql://src:5432/db?ssl=true\u0026sslmode=require
-- Target:              fixed target
-- Generated:           2024-01-01T00:00:00Z
-- Undo of:             sync_keyless_oracle.sql
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

BEGIN
  DELETE FROM "HR"."Event Log" WHERE "EVENT" = 'login' AND "AMOUNT" = 1.500 AND "RATIO" = 0.25d AND DBMS_LOB.COMPARE("BODY", TO_CLOB('body')) = 0 AND "TAG" = HEXTORAW('0102') AND "AT" = TO_DATE('2024-02-01 10:30:15', 'YYYY-MM-DD HH24:MI:SS') AND ROWNUM = 1;
  IF SQL%ROWCOUNT <> 1 THEN
    RAISE_APPLICATION_ERROR(-20001, 'undo stopped: HR.Event Log (EVENT=login, AMOUNT=1.5, RATIO=0.25, BODY=body, TAG=0102, AT=2024-02-01 10:30:15.000000000) is not as the sync script left it (DELETE found no row with those values)');
  END IF;
END;
/
COMMIT;
BEGIN
  DELETE FROM "HR"."Event Log" WHERE "EVENT" = 'login' AND "AMOUNT" = 1.500 AND "RATIO" = 0.25d AND DBMS_LOB.COMPARE("BODY", TO_CLOB('body')) = 0 AND "TAG" = HEXTORAW('0102') AND "AT" = TO_DATE('2024-02-01 10:30:15', 'YYYY-MM-DD HH24:MI:SS') AND ROWNUM = 1;
  IF SQL%ROWCOUNT <> 1 THEN
    RAISE_APPLICATION_ERROR(-20001, 'undo stopped: HR.Event Log (EVENT=login, AMOUNT=1.5, RATIO=0.25, BODY=body, TAG=0102, AT=2024-02-01 10:30:15.000000000) is not as the sync script left it (DELETE found no row with those values)');
  END IF;
END;
/
INSERT INTO "HR"."Event Log" ("EVENT", "AMOUNT", "RATIO", "BODY", "TAG", "AT") VALUES ('logout', 0, NULL, NULL, NULL, TO_DATE('2024-02-02 10:30:15', 'YYYY-MM-DD HH24:MI:SS'));
COMMIT;
INSERT INTO "HR"."Event Log" ("EVENT", "AMOUNT", "RATIO", "BODY", "TAG", "AT") VALUES (TO_CHAR(UNISTR('it''s \65E5\672C ')) || CHR(38) || ' "x"', -7, BINARY_DOUBLE_NAN, TO_CLOB('line 1') || CHR(10) || 'line 2', NULL, TO_DATE('2024-02-03 10:30:15', 'YYYY-MM-DD HH24:MI:SS'));

COMMIT;
EXIT
