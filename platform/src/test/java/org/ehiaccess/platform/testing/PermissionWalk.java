package org.ehiaccess.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.ehiaccess.platform.clinic.StaffRole;
import org.ehiaccess.platform.security.Permissions;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Calls every REST operation of a service ({@link Endpoints}) as every staff role, the platform admin,
 * a person holding two roles and nobody, and checks the answer against {@link Permissions}: allowed is
 * neither 401 nor 403, refused is 403, not signed in is 401. Path parameters are random ids and bodies
 * empty, so an allowed call answers 404 or 400; the callers belong to a clinic of their own, so what an
 * allowed call without a body may still do (a reset to the defaults) meets no other test.
 */
public final class PermissionWalk {

    private PermissionWalk() {
    }

    /**
     * Walks the operations of the service's classes in {@code rootPackage}. {@code expected} names, for every
     * operation ({@code "POST /api/v1/requests"}), the table's operation it must require: an endpoint missing there,
     * or annotated with another operation, fails. {@code firstRole} and {@code secondRole} are held by one extra caller.
     */
    public static void assertEveryOperationFollowsTheTable(String rootPackage, Map<String, String> expected,
            String firstRole, String secondRole) {
        List<Endpoints.Endpoint> endpoints = Endpoints.in(rootPackage);
        List<String> wrong = new ArrayList<>();
        Set<String> found = new TreeSet<>();
        String clinic = "walk-" + UUID.randomUUID().toString().substring(0, 8);
        for (Endpoints.Endpoint endpoint : endpoints) {
            found.add(endpoint.toString());
            String operation = expected.get(endpoint.toString());
            if (operation == null) {
                wrong.add(endpoint + " (" + endpoint.javaMethod() + ") is a new operation: give it an entry here");
                continue;
            }
            if (!operation.equals(endpoint.operation()) || !Permissions.operations().contains(operation)) {
                wrong.add(endpoint + " (" + endpoint.javaMethod() + ") requires " + endpoint.operation()
                        + ", expected " + operation + " of the permission table");
                continue;
            }
            for (String role : Permissions.staffRoles()) {
                check(endpoint, role, ClinicTokens.accessToken("walk-" + role, clinic, role),
                        Permissions.allows(role, endpoint.operation()), wrong);
            }
            check(endpoint, StaffRole.PLATFORM_ADMIN,
                    ClinicTokens.accessToken("walk-operator", clinic, StaffRole.PLATFORM_ADMIN), false, wrong);
            check(endpoint, firstRole + "+" + secondRole,
                    ClinicTokens.accessToken("walk-two-roles", clinic, firstRole, secondRole),
                    Permissions.allows(firstRole, endpoint.operation())
                            || Permissions.allows(secondRole, endpoint.operation()),
                    wrong);
            int anonymous = call(given(), endpoint);
            if (anonymous != 401) {
                wrong.add(endpoint + " not signed in: " + anonymous + ", expected 401");
            }
        }
        for (String missing : expected.keySet()) {
            if (!found.contains(missing)) {
                wrong.add(missing + " is expected but not found in " + rootPackage);
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " answers differ from the permission table:\n"
                + String.join("\n", wrong));
    }

    private static void check(Endpoints.Endpoint endpoint, String who, String token, boolean allowed, List<String> wrong) {
        int status = call(given().auth().oauth2(token), endpoint);
        if (allowed && (status == 401 || status == 403)) {
            wrong.add(endpoint + " as " + who + ": " + status + ", but " + endpoint.operation() + " allows it");
        } else if (!allowed && status != 403) {
            wrong.add(endpoint + " as " + who + ": " + status + ", expected 403 (" + endpoint.operation() + ")");
        }
    }

    private static int call(RequestSpecification spec, Endpoints.Endpoint endpoint) {
        String path = endpoint.path().replaceAll("\\{[^}/]+}", UUID.randomUUID().toString());
        spec = spec.accept("*/*");
        if (!endpoint.method().equals("GET") && !endpoint.method().equals("DELETE")) {
            spec = spec.contentType(ContentType.JSON).body("{}");
        }
        return spec.request(endpoint.method(), path).statusCode();
    }
}
