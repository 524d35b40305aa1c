package org.ehiaccess.decision.rest;

import org.ehiaccess.platform.clinic.StaffRole;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.platform.testing.PermissionWalk;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Every operation of decision-service with every role, against the one permission table. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PermissionTableTest {

    @Test
    void everyOperationAnswersEveryRoleAsTheTableSays() {
        // a clinician who is also the clinic admin: reviews as well as templates and the matrix
        PermissionWalk.assertEveryOperationFollowsTheTable("org.ehiaccess.decision", 35, StaffRole.CLINICIAN,
                StaffRole.CLINIC_ADMIN);
    }
}
