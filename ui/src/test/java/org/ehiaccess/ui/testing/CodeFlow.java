package org.ehiaccess.ui.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.Cookie;
import io.restassured.response.Response;

/**
 * The authorization code flow as a browser goes through it, for rest-assured tests: the UI sends
 * the person to the identity provider, its login answers with a code, the UI exchanges the code and
 * sets its session cookie.
 */
public final class CodeFlow {

    private CodeFlow() {
    }

    /** Signs {@code user} in, starting at {@code path}; returns the UI's session cookies. */
    public static Map<String, String> signIn(DemoUsers.DemoUser user, String path) {
        Response toIdentityProvider = given().redirects().follow(false).when().get(path);
        assertEquals(302, toIdentityProvider.statusCode(), "an anonymous visit is sent to the identity provider");
        URI authorize = URI.create(toIdentityProvider.header("Location"));
        Map<String, String> query = query(authorize.getRawQuery());

        Response fromIdentityProvider = given().redirects().follow(false)
                .queryParam("username", user.username())
                .queryParam("password", "demo")
                .queryParam("state", query.get("state"))
                .queryParam("redirect_uri", query.get("redirect_uri"))
                .when().get(authorize.getScheme() + "://" + authorize.getRawAuthority() + "/login");
        assertEquals(302, fromIdentityProvider.statusCode());
        String callback = fromIdentityProvider.header("Location");
        assertNotNull(callback);

        Response back = given().redirects().follow(false).urlEncodingEnabled(false)
                .cookies(toIdentityProvider.detailedCookies())
                .when().get(callback);
        assertEquals(302, back.statusCode(), "the UI accepts the code and redirects to the page first asked for");
        Map<String, String> cookies = new HashMap<>();
        for (Cookie cookie : back.detailedCookies()) {
            if (cookie.getValue() != null && !cookie.getValue().isEmpty() && cookie.getMaxAge() != 0) {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return cookies;
    }

    /** The form's hidden fields and the CSRF cookie of a freshly rendered form page. */
    public record FormPage(Map<String, String> cookies, String csrfToken, String idempotencyKey, String html) {
    }

    /** Opens the "New request" form with the session {@code cookies}. */
    public static FormPage openForm(Map<String, String> cookies) {
        Response page = given().cookies(cookies).when().get("/requests/new");
        assertEquals(200, page.statusCode());
        String html = page.asString();
        Map<String, String> withCsrf = new HashMap<>(cookies);
        withCsrf.putAll(page.getCookies());
        return new FormPage(withCsrf, hidden(html, "csrf-token"), hidden(html, "idempotencyKey"), html);
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no hidden field " + name + " in the form");
        }
        return m.group(1);
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
