package org.ehiaccess.decision;

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

/** Every operation of decision-service with every role, against the one permission table. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PermissionTableTest {

    /** Each operation of this service and the operation of the table it requires; a new endpoint needs a line. */
    static final Map<String, String> EXPECTED = Map.ofEntries(
            entry("GET /api/v1/catalog", Permissions.READ_CATALOG),
            entry("GET /api/v1/requests/{requestId}/intake-updates", Permissions.READ_ASSESSMENTS),
            entry("POST /api/v1/catalog/questions", Permissions.READ_CATALOG),
            entry("GET /api/v1/decision-trees/{id}", Permissions.READ_CATALOG),
            entry("GET /api/v1/denial-reasons", Permissions.READ_MATRIX),
            entry("PUT /api/v1/denial-reasons", Permissions.EDIT_MATRIX),
            entry("GET /api/v1/denial-reasons/history", Permissions.READ_MATRIX),
            entry("POST /api/v1/denial-reasons/reset", Permissions.EDIT_MATRIX),
            entry("GET /api/v1/denial-reasons/suggestions", Permissions.READ_MATRIX),
            entry("POST /api/v1/evaluations", Permissions.EVALUATE),
            entry("GET /api/v1/letter-settings", Permissions.READ_LETTER_SETTINGS),
            entry("PUT /api/v1/letter-settings", Permissions.EDIT_LETTER_SETTINGS),
            entry("GET /api/v1/letter-settings/history", Permissions.READ_LETTER_SETTINGS),
            entry("GET /api/v1/letter-templates", Permissions.READ_TEMPLATES),
            entry("GET /api/v1/letter-templates/data-model", Permissions.READ_TEMPLATES),
            entry("GET /api/v1/letter-templates/{kind}", Permissions.READ_TEMPLATES),
            entry("PUT /api/v1/letter-templates/{kind}", Permissions.EDIT_TEMPLATES),
            entry("GET /api/v1/letter-templates/{kind}/history", Permissions.READ_TEMPLATES),
            entry("POST /api/v1/letter-templates/{kind}/preview", Permissions.EDIT_TEMPLATES),
            entry("POST /api/v1/letter-templates/{kind}/reset", Permissions.EDIT_TEMPLATES),
            entry("GET /api/v1/requests/{requestId}/assessments", Permissions.READ_ASSESSMENTS),
            entry("POST /api/v1/requests/{requestId}/assessments", Permissions.CREATE_ASSESSMENT),
            entry("POST /api/v1/requests/{requestId}/assessments/{assessmentId}/letters", Permissions.CREATE_LETTER),
            entry("GET /api/v1/requests/{requestId}/assessments/{assessmentId}/guidance", Permissions.READ_ASSESSMENTS),
            entry("GET /api/v1/requests/{requestId}/assessments/{assessmentId}/review", Permissions.READ_ASSESSMENTS),
            entry("POST /api/v1/requests/{requestId}/assessments/{assessmentId}/review", Permissions.DECIDE_REVIEW),
            entry("POST /api/v1/requests/{requestId}/assessments/{assessmentId}/review-request", Permissions.REQUEST_REVIEW),
            entry("GET /api/v1/requests/{requestId}/assessments/{assessmentId}/summary", Permissions.READ_ASSESSMENTS),
            entry("GET /api/v1/requests/{requestId}/assessments/{assessmentId}/summary.html", Permissions.READ_ASSESSMENTS),
            entry("GET /api/v1/requests/{requestId}/assessments/{id}", Permissions.READ_ASSESSMENTS),
            entry("PUT /api/v1/requests/{requestId}/assessments/{id}", Permissions.UPDATE_ASSESSMENT),
            entry("GET /api/v1/requests/{requestId}/assessments/{id}/events", Permissions.READ_ASSESSMENTS),
            entry("POST /api/v1/requests/{requestId}/assessments/{id}/signature", Permissions.SIGN_DECISION),
            entry("GET /api/v1/requests/{requestId}/decision-support", Permissions.READ_ASSESSMENTS),
            entry("GET /api/v1/requests/{requestId}/letters", Permissions.READ_LETTERS),
            entry("GET /api/v1/requests/{requestId}/letters/{id}", Permissions.READ_LETTERS),
            entry("GET /api/v1/requests/{requestId}/letters/{id}/html", Permissions.READ_LETTERS),
            entry("GET /api/v1/requests/{requestId}/letters/{id}/pdf", Permissions.READ_LETTERS),
            entry("POST /api/v1/requests/{requestId}/letters/{id}/sent", Permissions.SEND_LETTER));

    @Test
    void everyOperationAnswersEveryRoleAsTheTableSays() {
        // a clinician who is also the clinic admin: reviews as well as templates and the matrix
        PermissionWalk.assertEveryOperationFollowsTheTable("org.ehiaccess.decision", EXPECTED, StaffRole.CLINICIAN,
                StaffRole.CLINIC_ADMIN);
    }
}
