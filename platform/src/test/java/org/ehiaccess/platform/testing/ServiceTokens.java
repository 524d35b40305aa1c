package org.ehiaccess.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;

/**
 * Tokens of our own services (an OIDC client-credentials grant of a confidential client): the service account's name,
 * the role {@code service} in {@code groups}, and no clinic; signed with the OIDC test server's key.
 */
public final class ServiceTokens {

    /** ServiceRole.SERVICE; spelled out, as the ui uses these helpers without the platform's main classes. */
    static final String SERVICE_ROLE = "service";
    /** The issuer and audience of the OIDC test server's tokens. */
    static final String ISSUER = "https://server.example.com";

    private ServiceTokens() {
    }

    /** The token of {@code client}'s service account, as the identity provider issues it (valid for 12 hours). */
    public static String serviceToken(String client) {
        String user = "service-account-" + client;
        return Jwt.preferredUserName(user).groups(Set.of(SERVICE_ROLE)).issuer(ISSUER).audience(Set.of(ISSUER))
                .subject(user).claim("typ", "Bearer").expiresIn(Duration.ofHours(12)).jws().keyId("1")
                .sign("privateKey.jwk");
    }

    /** A token without a clinic holding {@code roles}, for {@code user}. */
    public static String token(String user, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(user, Set.of(roles), user, "Bearer", Set.of(ISSUER), Map.of());
    }

    /**
     * Teaches the OIDC test server (at {@code keycloakUrl}, the {@code keycloak.url} it publishes) to answer
     * {@code clientId}'s client-credentials grant, with HTTP Basic {@code clientId:secret} as an OIDC client sends
     * them, with {@link #serviceToken}. Any other client or secret keeps the server's default answer (no service role).
     */
    public static void answerClientCredentials(String keycloakUrl, String clientId, String secret) {
        String base = keycloakUrl.replaceFirst("/auth/?$", "");
        String token = serviceToken(clientId);
        String response = """
                "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                             "jsonBody": {"access_token": "%s", "token_type": "Bearer", "expires_in": 3600}}"""
                .formatted(token);
        // client_secret_basic (the OIDC client's default) and client_secret_post
        post(base + "/__admin/mappings", """
                {"priority": 1,
                 "request": {"method": "POST", "url": "/auth/realms/quarkus/token",
                             "bodyPatterns": [{"contains": "grant_type=client_credentials"}],
                             "basicAuthCredentials": {"username": "%s", "password": "%s"}},
                 %s}""".formatted(clientId, secret, response), null, 201);
        post(base + "/__admin/mappings", """
                {"priority": 1,
                 "request": {"method": "POST", "url": "/auth/realms/quarkus/token",
                             "bodyPatterns": [{"contains": "grant_type=client_credentials"},
                                              {"contains": "client_id=%s"}, {"contains": "client_secret=%s"}]},
                 %s}""".formatted(clientId, secret, response), null, 201);
        // the server now answers as the identity provider would
        String answer = post(base + "/auth/realms/quarkus/token", "grant_type=client_credentials",
                "Basic " + java.util.Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes()), 200);
        if (!answer.contains(token)) {
            throw new IllegalStateException("The OIDC test server does not answer " + clientId + "'s grant: " + answer);
        }
    }

    private static String post(String url, String body, String authorization, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != expected) {
                throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("The OIDC test server could not be reached at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
