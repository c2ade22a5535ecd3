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
-- Statements:          2 DELETE, 0 UPDATE, 2 INSERT (only compared columns are written)
-- No key:              HR.Event Log has no primary key and no unique index on NOT NULL
--                      columns: its rows were compared as a multiset of whole rows. Each DELETE removes
--                      one copy of a row whose every compared column has the value as the comparison read it
--                      (NULL as IS NULL, LOBs compared whole) and stops the script when there is none;
--                      each INSERT adds one copy. A row present k more times on one side has k statements.
-- Commits:             after every 1 statements of a phase and at the end; an error stops
--                      the script and rolls back the statements since the last COMMIT.
-- Review before running against HR.Event Log.

BEGIN
  DELETE FROM "HR"."Event Log" WHERE "EVENT" = 'logout' AND "AMOUNT" = 0 AND "RATIO" IS NULL AND "BODY" IS NULL AND "TAG" IS NULL AND "AT" = TO_DATE('2024-02-02 10:30:15', 'YYYY-MM-DD HH24:MI:SS') AND ROWNUM = 1;
  IF SQL%ROWCOUNT <> 1 THEN
    RAISE_APPLICATION_ERROR(-20001, 'sync stopped: HR.Event Log (EVENT=logout, AMOUNT=0, RATIO=NULL, BODY=NULL, TAG=NULL, AT=2024-02-02 10:30:15.000000000) changed since the comparison (DELETE found no row with the values it read)');
  END IF;
END;
/
COMMIT;
BEGIN
  DELETE FROM "HR"."Event Log" WHERE "EVENT" = TO_CHAR(UNISTR('it''s \65E5\672C ')) || CHR(38) || ' "x"' AND "AMOUNT" = -7 AND "RATIO" = BINARY_DOUBLE_NAN AND DBMS_LOB.COMPARE("BODY", TO_CLOB('line 1') || CHR(10) || 'line 2') = 0 AND "TAG" = NULL AND "AT" = TO_DATE('2024-02-03 10:30:15', 'YYYY-MM-DD HH24:MI:SS') AND ROWNUM = 1;
  IF SQL%ROWCOUNT <> 1 THEN
    RAISE_APPLICATION_ERROR(-20001, TO_CHAR(UNISTR('sync stopped: HR.Event Log (EVENT=it''s \65E5\672C ')) || CHR(38) || ' "x", AMOUNT=-7, RATIO=NaN, BODY=line 1' || CHR(10) || 'line 2, TAG=, AT=2024-02-03 10:30:15.000000000) changed since the comparison (DELETE found no row with the values it read)');
  END IF;
END;
/
INSERT INTO "HR"."Event Log" ("EVENT", "AMOUNT", "RATIO", "BODY", "TAG", "AT") VALUES ('login', 1.500, 0.25d, TO_CLOB('body'), HEXTORAW('0102'), TO_DATE('2024-02-01 10:30:15', 'YYYY-MM-DD HH24:MI:SS'));
COMMIT;
INSERT INTO "HR"."Event Log" ("EVENT", "AMOUNT", "RATIO", "BODY", "TAG", "AT") VALUES ('login', 1.500, 0.25d, TO_CLOB('body'), HEXTORAW('0102'), TO_DATE('2024-02-01 10:30:15', 'YYYY-MM-DD HH24:MI:SS'));

COMMIT;
EXIT
