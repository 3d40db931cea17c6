package com.sqltables.confluence.ao;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import net.java.ao.ActiveObjectsException;
import org.junit.Test;

/** Vendor codes as the drivers report them; the store tests check the real ones on H2, PostgreSQL and MariaDB. */
public class SqlFailuresTest {
    @Test
    public void uniqueViolation_isFoundDeepInTheCauseChain() {
        SQLException postgres = new SQLException("duplicate key value violates unique constraint", "23505");
        assertTrue(SqlFailures.isUniqueViolation(new RuntimeException(new ActiveObjectsException(postgres))));
    }

    @Test
    public void mysqlStyleState23000_isToldApartByVendorCode() {
        SQLException duplicate = new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062);
        SQLException referenced = new SQLIntegrityConstraintViolationException("Cannot delete", "23000", 1451);
        SQLException missingParent = new SQLIntegrityConstraintViolationException("Cannot add", "23000", 1452);
        assertTrue(SqlFailures.isUniqueViolation(duplicate));
        assertFalse(SqlFailures.isForeignKeyViolation(duplicate));
        assertTrue(SqlFailures.isForeignKeyViolation(referenced));
        assertTrue(SqlFailures.isForeignKeyViolation(missingParent));
        assertFalse(SqlFailures.isUniqueViolation(referenced));
    }

    @Test
    public void oracleAndSqlServerCodes_areRecognised() {
        assertTrue(SqlFailures.isUniqueViolation(new SQLException("ORA-00001", "23000", 1)));
        assertTrue(SqlFailures.isUniqueViolation(new SQLException("Violation of UNIQUE KEY", "23000", 2627)));
        assertTrue(SqlFailures.isForeignKeyViolation(new SQLException("ORA-02292", "23000", 2292)));
        assertTrue(SqlFailures.isForeignKeyViolation(new SQLException("The DELETE statement conflicted", "23000", 547)));
    }

    @Test
    public void nextExceptionChain_isSearched() {
        SQLException batch = new SQLException("batch failed", "HY000");
        batch.setNextException(new SQLException("duplicate", "23505"));
        assertTrue(SqlFailures.isUniqueViolation(batch));
    }

    @Test
    public void concurrencyFailures_areRecognised() {
        assertTrue(SqlFailures.isConcurrencyFailure(new SQLException("could not serialize", "40001")));
        assertTrue(SqlFailures.isConcurrencyFailure(new SQLException("deadlock detected", "40P01")));
        assertTrue(SqlFailures.isConcurrencyFailure(new SQLException("Lock wait timeout exceeded", "HY000", 1205)));
        assertTrue(SqlFailures.isConcurrencyFailure(new SQLException("Timeout trying to lock table", "HYT00", 50200)));
        assertFalse(SqlFailures.isConcurrencyFailure(new SQLException("syntax error", "42601")));
    }

    @Test
    public void otherFailures_areNeither() {
        RuntimeException plain = new IllegalStateException("no SQL here");
        assertFalse(SqlFailures.isUniqueViolation(plain));
        assertFalse(SqlFailures.isForeignKeyViolation(plain));
        assertFalse(SqlFailures.isConcurrencyFailure(plain));
        assertFalse(SqlFailures.isUniqueViolation(new SQLException("not null", "23502")));
    }

    @Test
    public void causeCycles_doNotLoop() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        assertFalse(SqlFailures.isUniqueViolation(a));
    }
}
