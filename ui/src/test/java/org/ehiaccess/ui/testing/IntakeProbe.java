package org.ehiaccess.ui.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

/** Reads the request log straight from intake-service, as a clinic's user, to check what was saved. */
public final class IntakeProbe {

    private IntakeProbe() {
    }

    /** The clinic's requests (newest first) as the API returns them. */
    public static List<Map<String, Object>> requests(IntakeService intake, DemoUsers.DemoUser user) {
        return given().auth().oauth2(user.accessToken())
                .when().get(intake.baseUrl() + "/api/v1/requests?limit=500")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    /** How many of the clinic's requests are for {@code patientName}. */
    public static long countFor(IntakeService intake, DemoUsers.DemoUser user, String patientName) {
        return requests(intake, user).stream().filter(r -> patientName.equals(r.get("patientName"))).count();
    }
}
