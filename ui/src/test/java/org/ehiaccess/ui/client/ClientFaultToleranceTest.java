package org.ehiaccess.ui.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.ehiaccess.ui.client.decision.DecisionClient;
import org.ehiaccess.ui.client.decision.DecisionRefusedException;
import org.ehiaccess.ui.client.intake.AlertClient;
import org.ehiaccess.ui.client.intake.ComplaintClient;
import org.ehiaccess.ui.client.intake.IntakeClient;
import org.ehiaccess.ui.client.intake.IntakeRefusedException;
import org.ehiaccess.ui.client.intake.PermissionsClient;
import org.ehiaccess.ui.client.intake.SettingsClient;
import org.junit.jupiter.api.Test;

/**
 * Fault tolerance is declared once per client wrapper, on the class, so a new method cannot be left without it; a
 * change carrying a version is never retried (had the first try landed, the retry would be refused as stale); both
 * services' REST clients give up on a service that does not answer.
 */
class ClientFaultToleranceTest {

    static final List<Class<?>> WRAPPERS = List.of(IntakeClient.class, ComplaintClient.class, SettingsClient.class,
            AlertClient.class, PermissionsClient.class, DecisionClient.class);

    @Test
    void everyWrapperDeclaresRetryAndCircuitBreakerOnceOnTheClass() {
        for (Class<?> wrapper : WRAPPERS) {
            Retry retry = wrapper.getAnnotation(Retry.class);
            CircuitBreaker breaker = wrapper.getAnnotation(CircuitBreaker.class);
            assertNotNull(retry, wrapper.getSimpleName() + " has no @Retry on the class");
            assertNotNull(breaker, wrapper.getSimpleName() + " has no @CircuitBreaker on the class");
            // a refusal (4xx) is an answer: never retried, never counted against the service
            Class<?> refused = wrapper == DecisionClient.class ? DecisionRefusedException.class
                    : IntakeRefusedException.class;
            assertTrue(Arrays.asList(retry.abortOn()).contains(refused), wrapper.getSimpleName());
            assertTrue(Arrays.asList(breaker.skipOn()).contains(refused), wrapper.getSimpleName());
            for (Method method : wrapper.getDeclaredMethods()) {
                assertNull(method.getAnnotation(CircuitBreaker.class),
                        wrapper.getSimpleName() + "." + method.getName() + " repeats the class's circuit breaker");
            }
        }
    }

    @Test
    void aChangeCarryingAVersionIsNeverRetried() {
        int changes = 0;
        for (Class<?> wrapper : WRAPPERS) {
            for (Method method : wrapper.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers())) {
                    continue;
                }
                boolean carriesVersion = Arrays.stream(method.getParameters()).map(Parameter::getName)
                        .anyMatch(name -> name.equals("version") || name.equals("etag"));
                if (carriesVersion) {
                    changes++;
                    Retry retry = method.getAnnotation(Retry.class);
                    assertNotNull(retry, wrapper.getSimpleName() + "." + method.getName() + " would get the class's retries");
                    assertEquals(0, retry.maxRetries(), wrapper.getSimpleName() + "." + method.getName());
                }
            }
        }
        // the parameter names are compiled in (-parameters): without them this test would check nothing
        assertTrue(changes >= 12, "found " + changes + " changes carrying a version");
    }

    @Test
    void bothRestClientsHaveConnectAndReadTimeouts() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        for (String client : List.of("intake", "decision")) {
            assertNotNull(properties.getProperty("quarkus.rest-client." + client + ".connect-timeout"), client);
            assertNotNull(properties.getProperty("quarkus.rest-client." + client + ".read-timeout"), client);
        }
        assertEquals(properties.getProperty("quarkus.rest-client.intake.read-timeout"),
                properties.getProperty("quarkus.rest-client.decision.read-timeout"));
    }
}
