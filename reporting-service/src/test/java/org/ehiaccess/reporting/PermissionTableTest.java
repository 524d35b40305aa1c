package org.ehiaccess.reporting;

import java.util.Map;

import org.ehiaccess.platform.clinic.StaffRole;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.platform.testing.PermissionWalk;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every operation of reporting-service with every role, against the one permission table. It has no REST
 * operation yet; the first one added fails this until it has an entry here and requires the table's operation.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PermissionTableTest {

    @Test
    void everyOperationAnswersEveryRoleAsTheTableSays() {
        PermissionWalk.assertEveryOperationFollowsTheTable("org.ehiaccess.reporting", Map.of(),
                StaffRole.COMPLIANCE_LEAD, StaffRole.PRIVACY_OFFICER);
    }
}
