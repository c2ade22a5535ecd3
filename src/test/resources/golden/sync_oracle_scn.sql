SET DEFINE OFF
SET SQLBLANKLINES ON
WHENEVER SQLERROR EXIT FAILURE ROLLBACK
WHENEVER OSERROR EXIT FAILURE ROLLBACK
ALTER SESSION SET NLS_NUMERIC_CHARACTERS='.,' NLS_COMP=BINARY NLS_SORT=BINARY TIME_ZONE='+00:00';
-- ASCII only: non-ASCII text is written with UNISTR, control characters and ampersands with CHR,
-- so neither NLS_LANG nor SQL*Plus substitution can change a value.
-- TIME_ZONE='+00:00' holds for this session: CURRENT_DATE, CURRENT_TIMESTAMP and LOCALTIMESTAMP give
-- UTC here, and so do column defaults and triggers that use them; SYSDATE and SYSTIMESTAMP do not change.

-- Session:             0123abcd-0000-4000-8000-000000000001
-- Table:               APP.T (source) -> APP.T (target)
-- Source:              src @ jdbc:h2:mem:s
-- Target:              tgt @ jdbc:h2:mem:t
-- Generated:           2026-01-15T10:00:00Z
-- Read at:             SCN 9000420 on both sides (flashback queries; the differences are exact at that SCN)
-- Statements:          1 DELETE, 1 UPDATE, 1 INSERT (only compared columns are written)
-- Guards:              every UPDATE and DELETE also matches the value of each compared column as
--                      the comparison read it from the target (NULL as IS NULL, LOBs compared whole):
--                      a row changed since stops the script with an error naming the table and key.
-- Commits:             after every 100 statements of a phase and at the end; an error stops
--                      the script and rolls back the statements since the last COMMIT.
-- Review before running against APP.T.

BEGIN
  DELETE FROM "APP"."T" WHERE "ID" = 4 AND "NAME" = 'four';
  IF SQL%ROWCOUNT <> 1 THEN
    RAISE_APPLICATION_ERROR(-20001, 'sync stopped: APP.T (ID=4) changed since the comparison (DELETE found no row with the values it read)');
  END IF;
END;
/
BEGIN
  UPDATE "APP"."T" SET "NAME" = 'source' WHERE "ID" = 1 AND "NAME" = 'target';
  IF SQL%ROWCOUNT <> 1 THEN
    RAISE_APPLICATION_ERROR(-20001, 'sync stopped: APP.T (ID=1) changed since the comparison (UPDATE found no row with the values it read)');
  END IF;
END;
/
INSERT INTO "APP"."T" ("ID", "NAME") VALUES (3, 'three');

COMMIT;
EXIT
