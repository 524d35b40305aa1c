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

    static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("POST /api/v1/events", Permissions.RECORD_EVENTS),
            Map.entry("POST /api/v1/rebuild", Permissions.REBUILD_REPORTS),
            Map.entry("GET /api/v1/metrics", Permissions.READ_METRICS),
            Map.entry("GET /api/v1/metrics.csv", Permissions.READ_METRICS),
            Map.entry("GET /api/v1/metrics/requests", Permissions.READ_METRICS),
            Map.entry("GET /api/v1/complaints/reconciliation", Permissions.READ_METRICS),
            // the compliance program
            Map.entry("POST /api/v1/reviews", Permissions.EDIT_DENIAL_REVIEW),
            Map.entry("GET /api/v1/reviews", Permissions.READ_DENIAL_REVIEWS),
            Map.entry("GET /api/v1/reviews/{id}", Permissions.READ_DENIAL_REVIEWS),
            Map.entry("PUT /api/v1/reviews/{id}", Permissions.EDIT_DENIAL_REVIEW),
            Map.entry("PUT /api/v1/reviews/{id}/items/{requestId}", Permissions.EDIT_DENIAL_REVIEW),
            Map.entry("POST /api/v1/reviews/{id}/sign", Permissions.SIGN_DENIAL_REVIEW),
            Map.entry("GET /api/v1/policies", Permissions.READ_POLICIES),
            Map.entry("GET /api/v1/policies/{key}/versions", Permissions.READ_POLICIES),
            Map.entry("POST /api/v1/policies/{key}/versions", Permissions.EDIT_POLICY),
            Map.entry("GET /api/v1/policies/{key}/versions/{version}", Permissions.READ_POLICIES),
            Map.entry("PUT /api/v1/policies/{key}/versions/{version}", Permissions.EDIT_POLICY),
            Map.entry("POST /api/v1/policies/{key}/versions/{version}/approve", Permissions.APPROVE_POLICY),
            Map.entry("GET /api/v1/policies/{key}/in-force", Permissions.READ_POLICIES),
            Map.entry("POST /api/v1/training", Permissions.RECORD_TRAINING),
            Map.entry("GET /api/v1/training", Permissions.READ_TRAINING),
            Map.entry("GET /api/v1/training/due", Permissions.READ_TRAINING),
            Map.entry("GET /api/v1/self-audit/tasks", Permissions.READ_SELF_AUDIT),
            Map.entry("POST /api/v1/self-audit/tasks", Permissions.EDIT_SELF_AUDIT),
            Map.entry("PUT /api/v1/self-audit/tasks/{id}", Permissions.EDIT_SELF_AUDIT),
            Map.entry("POST /api/v1/self-audit/tasks/{id}/retire", Permissions.EDIT_SELF_AUDIT),
            Map.entry("GET /api/v1/self-audit/tasks/{id}/history", Permissions.READ_SELF_AUDIT),
            Map.entry("POST /api/v1/self-audit/tasks/{id}/completions", Permissions.COMPLETE_SELF_AUDIT),
            Map.entry("GET /api/v1/self-audit/tasks/{id}/completions", Permissions.READ_SELF_AUDIT),
            Map.entry("PUT /api/v1/self-audit/completions/{id}/evidence", Permissions.COMPLETE_SELF_AUDIT),
            Map.entry("GET /api/v1/self-audit/completions/{id}/evidence", Permissions.READ_SELF_AUDIT),
            Map.entry("GET /api/v1/self-audit/overdue", Permissions.READ_SELF_AUDIT));

    @Test
    void everyOperationAnswersEveryRoleAsTheTableSays() {
        PermissionWalk.assertEveryOperationFollowsTheTable("org.ehiaccess.reporting", EXPECTED,
                StaffRole.COMPLIANCE_LEAD, StaffRole.PRIVACY_OFFICER);
    }
}
