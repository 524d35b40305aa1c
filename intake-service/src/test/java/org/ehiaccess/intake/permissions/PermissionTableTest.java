package org.ehiaccess.intake.permissions;

import static java.util.Map.entry;

import java.util.Map;

import org.ehiaccess.platform.clinic.StaffRole;
import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.platform.testing.PermissionWalk;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Every operation of intake-service with every role, against the one permission table. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PermissionTableTest {

    /** Each operation of this service and the operation of the table it requires; a new endpoint needs a line. */
    static final Map<String, String> EXPECTED = Map.ofEntries(
            entry("GET /api/v1/alerts", Permissions.HANDLE_ALERTS),
            entry("DELETE /api/v1/alerts/delivery", Permissions.HANDLE_ALERTS),
            entry("GET /api/v1/alerts/delivery", Permissions.HANDLE_ALERTS),
            entry("PUT /api/v1/alerts/delivery", Permissions.HANDLE_ALERTS),
            entry("GET /api/v1/alerts/recipients", Permissions.READ_ALERT_RECIPIENTS),
            entry("GET /api/v1/alerts/unread-count", Permissions.HANDLE_ALERTS),
            entry("POST /api/v1/alerts/{id}/read", Permissions.HANDLE_ALERTS),
            entry("GET /api/v1/complaints", Permissions.READ_COMPLAINTS),
            entry("POST /api/v1/complaints", Permissions.LOG_COMPLAINT),
            entry("GET /api/v1/complaints/{id}", Permissions.READ_COMPLAINTS),
            entry("PUT /api/v1/complaints/{id}", Permissions.UPDATE_COMPLAINT),
            entry("GET /api/v1/complaints/{id}/audit", Permissions.READ_COMPLAINTS),
            entry("POST /api/v1/internal/effects", Permissions.APPLY_EFFECTS),
            entry("GET /api/v1/permissions/mine", Permissions.READ_OWN_OPERATIONS),
            entry("GET /api/v1/requests", Permissions.READ_REQUESTS),
            entry("POST /api/v1/requests", Permissions.LOG_REQUEST),
            entry("GET /api/v1/requests/export", Permissions.READ_REQUESTS),
            entry("GET /api/v1/requests/{id}", Permissions.READ_REQUESTS),
            entry("PUT /api/v1/requests/{id}", Permissions.EDIT_REQUEST),
            entry("POST /api/v1/requests/{id}/assignment", Permissions.ASSIGN_REQUEST),
            entry("POST /api/v1/requests/{id}/clocks", Permissions.START_CLOCK),
            entry("POST /api/v1/requests/{id}/clocks/{kind}/met", Permissions.MEET_CLOCK),
            entry("POST /api/v1/requests/{id}/duplicates/{flagId}", Permissions.DECIDE_DUPLICATE),
            entry("POST /api/v1/requests/{id}/extension", Permissions.EXTEND_DEADLINE),
            entry("POST /api/v1/requests/{id}/notes", Permissions.ADD_NOTE),
            entry("POST /api/v1/requests/{id}/status", Permissions.CHANGE_STATUS),
            entry("GET /api/v1/requests/{id}/timeline", Permissions.READ_REQUESTS),
            entry("POST /api/v1/requests/{id}/verification", Permissions.VERIFY_REQUESTER),
            entry("GET /api/v1/settings", Permissions.READ_SETTINGS),
            entry("PUT /api/v1/settings", Permissions.EDIT_SETTINGS),
            entry("GET /api/v1/settings/audit", Permissions.READ_SETTINGS_AUDIT));

    @Test
    void everyOperationAnswersEveryRoleAsTheTableSays() {
        // front desk and supervisor together: log and verify as well as reassign and extend
        PermissionWalk.assertEveryOperationFollowsTheTable("org.ehiaccess.intake", EXPECTED, StaffRole.FRONT_DESK,
                StaffRole.SUPERVISOR);
    }
}
