package io.dbcompare.vendor;

import java.math.BigInteger;

/**
 * What a database says about itself when a point in time is chosen ({@link ScnSource#databaseSql()}):
 * which database it is, its role in a replication set, how it is open, and its current SCN.
 *
 * @param id the database identifier (Oracle DBID: the same on a primary and its physical standbys)
 * @param uniqueName the name that tells the members of a replication set apart (Oracle DB_UNIQUE_NAME)
 * @param role the database's role (Oracle DATABASE_ROLE: PRIMARY, PHYSICAL STANDBY, ...)
 * @param openMode how it is open (Oracle OPEN_MODE: READ WRITE, READ ONLY WITH APPLY, ...)
 * @param currentScn its current SCN; on a physical standby, the SCN redo apply has reached
 */
public record DatabaseState(String id, String uniqueName, String role, String openMode, BigInteger currentScn) {}
