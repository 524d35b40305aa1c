package org.ehiaccess.ui.testing;

/**
 * Reserves a free port for the real decision-service and gives it its own embedded PostgreSQL (it owns its tables;
 * no service reads another's), and points the UI's decision client at it. The service itself is started by
 * {@link DecisionService} once the OIDC test server's address is known.
 */
public class DecisionServiceResource extends ServiceDatabaseResource {

    public static final String PORT_PROPERTY = "test.decision.port";
    public static final String JDBC_PROPERTY = "test.decision.jdbc-url";

    public DecisionServiceResource() {
        super("decision-service", "decision", PORT_PROPERTY, JDBC_PROPERTY);
    }
}
