package org.ehiaccess.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/** One statement with its parameters in order, for the compliance program's stores (plain JDBC, as elsewhere here). */
public final class Jdbc {

    private Jdbc() {
    }

    /**
     * Runs an INSERT, UPDATE or DELETE; returns the rows it touched. Parameters bind by their Java type (an
     * {@link Instant} as a UTC timestamp, null as an untyped null the column's type decides).
     */
    public static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                s.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
            }
            return s.executeUpdate();
        }
    }
}
