package org.ehiaccess.reporting;

import java.util.Map;

import org.ehiaccess.platform.clinic.StaffRole;
import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.platform.testing.PermissionWalk;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every operation of reporting-service with every role, against the one permission table. A new operation fails
 * this until it has an entry here and requires the table's operation.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PermissionTableTest {

    static final Map<String, String> EXPECTED = Map.of(
            "POST /api/v1/events", Permissions.RECORD_EVENTS,
            "POST /api/v1/rebuild", Permissions.REBUILD_REPORTS,
            "GET /api/v1/metrics", Permissions.READ_METRICS,
            "GET /api/v1/metrics.csv", Permissions.READ_METRICS,
            "GET /api/v1/metrics/requests", Permissions.READ_METRICS,
            "GET /api/v1/complaints/reconciliation", Permissions.READ_METRICS);

    @Test
    void everyOperationAnswersEveryRoleAsTheTableSays() {
        PermissionWalk.assertEveryOperationFollowsTheTable("org.ehiaccess.reporting", EXPECTED,
                StaffRole.COMPLIANCE_LEAD, StaffRole.PRIVACY_OFFICER);
    }
}
