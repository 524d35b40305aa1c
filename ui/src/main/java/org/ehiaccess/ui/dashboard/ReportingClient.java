package org.ehiaccess.ui.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * reporting-service as the dashboard uses it. Every call only reads, so each is retried once; a refusal (4xx) is an
 * answer, never retried and never counted against the service. When the service is down the circuit opens and the
 * page says so at once instead of waiting for each timeout.
 */
@ApplicationScoped
public class ReportingClient {

    @Inject
    @RestClient
    ReportingApi api;

    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = { ReportingRefusedException.class,
            CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ReportingRefusedException.class)
    public ReportingFigures.Dashboard dashboard(LocalDate from, LocalDate to, ZoneId zone) {
        try {
            return api.metrics(from.toString(), to.toString(), zone.getId());
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = { ReportingRefusedException.class,
            CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ReportingRefusedException.class)
    public String csv(String table, LocalDate from, LocalDate to, ZoneId zone) {
        try {
            return api.csv(table, from.toString(), to.toString(), zone.getId());
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = { ReportingRefusedException.class,
            CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ReportingRefusedException.class)
    public ReportingFigures.FigureRequests requests(FigureQuery figure, ZoneId zone) {
        try {
            return api.requests(figure.figure(), figure.from().toString(), figure.to().toString(), zone.getId(),
                    figure.channel(), figure.requesterType(), figure.basis(), figure.exception(), figure.clock());
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = { ReportingRefusedException.class,
            CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ReportingRefusedException.class)
    public ReportingFigures.Reconciliation reconciliation(ZoneId zone) {
        try {
            return api.reconciliation(zone.getId());
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    private static ReportingUnavailableException unreachable(ProcessingException e) {
        return new ReportingUnavailableException("reporting-service unreachable: " + e.getMessage(), e);
    }
}
