package org.ehiaccess.ui.testing;

/**
 * The real reporting-service's port and embedded PostgreSQL, and the ui's reporting client pointed at it. The service
 * itself is started by {@link ReportingService}; a test class that never starts it sees reporting-service down.
 */
public class ReportingServiceResource extends ServiceDatabaseResource {

    public static final String PORT_PROPERTY = "test.reporting.port";
    public static final String JDBC_PROPERTY = "test.reporting.jdbc-url";

    public ReportingServiceResource() {
        super("reporting-service", "reporting", PORT_PROPERTY, JDBC_PROPERTY);
    }
}
