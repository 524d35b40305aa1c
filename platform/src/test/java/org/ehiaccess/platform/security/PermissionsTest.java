package org.ehiaccess.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.ehiaccess.platform.clinic.StaffRole;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    private static final String START = "<!-- permissions:start -->\n";
    private static final String END = "<!-- permissions:end -->";

    @Test
    void theReadmeShowsExactlyTheTableTheCodeUses() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md has the permission table between its markers");
        assertEquals(Permissions.markdownTable(), readme.substring(start + START.length(), end),
                "README.md's permission table differs from Permissions.markdownTable(): paste the new table");
    }

    @Test
    void someoneWithTwoRolesMayDoWhatEitherMay() {
        Set<String> frontDesk = Permissions.of(Set.of(StaffRole.FRONT_DESK));
        Set<String> clinician = Permissions.of(Set.of(StaffRole.CLINICIAN));
        Set<String> both = Permissions.of(Set.of(StaffRole.FRONT_DESK, StaffRole.CLINICIAN));
        assertTrue(both.containsAll(frontDesk) && both.containsAll(clinician));
        assertTrue(both.contains(Permissions.LOG_REQUEST) && both.contains(Permissions.DECIDE_REVIEW));
        assertFalse(clinician.contains(Permissions.LOG_REQUEST));
        assertFalse(frontDesk.contains(Permissions.DECIDE_REVIEW));
    }

    @Test
    void theReadmeRolesDoWhatTheReadmeSays() {
        // the privacy officer decides, signs and sends letters; clinicians determine harm and review
        assertEquals(Set.of(StaffRole.PRIVACY_OFFICER), Permissions.table().stream()
                .filter(r -> r.operation().equals(Permissions.SIGN_DECISION)).findFirst().orElseThrow().roles());
        assertFalse(Permissions.allows(StaffRole.CLINICIAN, Permissions.SIGN_DECISION));
        assertFalse(Permissions.allows(StaffRole.CLINICIAN, Permissions.SEND_LETTER));
        assertFalse(Permissions.allows(StaffRole.SUPERVISOR, Permissions.CREATE_ASSESSMENT));
        assertFalse(Permissions.allows(StaffRole.SUPERVISOR, Permissions.SEND_LETTER));
        assertFalse(Permissions.allows(StaffRole.CLINIC_ADMIN, Permissions.LOG_REQUEST));
        assertFalse(Permissions.allows(StaffRole.CLINIC_ADMIN, Permissions.EDIT_REQUEST));
        assertEquals(Set.of(StaffRole.CLINIC_ADMIN), Permissions.table().stream()
                .filter(r -> r.operation().equals(Permissions.EDIT_TEMPLATES)).findFirst().orElseThrow().roles());
        assertTrue(Permissions.allows(StaffRole.CLINICIAN, Permissions.DECIDE_REVIEW));
        assertTrue(Permissions.allows(StaffRole.FRONT_DESK, Permissions.VERIFY_REQUESTER));
        assertTrue(Permissions.allows(StaffRole.SUPERVISOR, Permissions.EXTEND_DEADLINE));
    }

    @Test
    void thePlatformAdminMayDoNothingAndEveryRowNamesStaffRolesOrOnlyTheServiceRole() {
        assertTrue(Permissions.of(Set.of(StaffRole.PLATFORM_ADMIN)).isEmpty());
        assertTrue(Permissions.of(Set.of("someone-else")).isEmpty());
        // our own services' token may apply relayed effects, deliver events, rebuild reports, and nothing a person does
        assertEquals(Set.of(Permissions.APPLY_EFFECTS, Permissions.RECORD_EVENTS, Permissions.REBUILD_REPORTS),
                Permissions.of(Set.of(org.ehiaccess.platform.service.ServiceRole.SERVICE)));
        for (Permissions.Row row : Permissions.table()) {
            assertFalse(row.roles().isEmpty(), row.operation());
            assertTrue(Permissions.staffRoles().containsAll(row.roles())
                    || row.roles().equals(Set.of(org.ehiaccess.platform.service.ServiceRole.SERVICE)), row.operation());
            assertTrue(row.operation().matches("[a-z-]+:[a-z-]+"), row.operation());
        }
    }
}
