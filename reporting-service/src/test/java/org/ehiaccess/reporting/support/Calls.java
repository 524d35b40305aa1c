package org.ehiaccess.reporting.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** One call with a token, an optional If-Match version and an optional JSON body. */
public final class Calls {

    private Calls() {
    }

    public static Response as(String token, String method, String path, String ifMatch, Object body) {
        RequestSpecification spec = given().auth().oauth2(token);
        if (ifMatch != null) {
            spec = spec.header("If-Match", "\"" + ifMatch + "\"");
        }
        if (body != null) {
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        return spec.request(method, path);
    }
}
