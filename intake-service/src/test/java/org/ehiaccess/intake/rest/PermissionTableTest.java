package org.ehiaccess.intake.rest;

import org.ehiaccess.platform.clinic.StaffRole;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.platform.testing.PermissionWalk;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Every operation of intake-service with every role, against the one permission table. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PermissionTableTest {

    @Test
    void everyOperationAnswersEveryRoleAsTheTableSays() {
        // front desk and supervisor together: log and verify as well as reassign and extend
        PermissionWalk.assertEveryOperationFollowsTheTable("org.ehiaccess.intake", 29, StaffRole.FRONT_DESK,
                StaffRole.SUPERVISOR);
    }
}
