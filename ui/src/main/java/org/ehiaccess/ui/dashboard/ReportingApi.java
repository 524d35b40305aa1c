package org.ehiaccess.ui.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.ui.client.PropagateAccessToken;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * reporting-service's figures, called with the signed-in person's access token (the clinic is the token's).
 * Package-private: pages use {@link ReportingClient}, which adds retries and a circuit breaker.
 */
@RegisterRestClient(configKey = "reporting")
@RegisterProvider(PropagateAccessToken.class)
@Path("/api/v1")
interface ReportingApi {

    @GET
    @Path("metrics")
    @Produces(MediaType.APPLICATION_JSON)
    ReportingFigures.Dashboard metrics(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("zone") String zone);

    @GET
    @Path("metrics.csv")
    @Produces("text/csv")
    String csv(@QueryParam("table") String table, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("zone") String zone);

    @GET
    @Path("metrics/requests")
    @Produces(MediaType.APPLICATION_JSON)
    ReportingFigures.FigureRequests requests(@QueryParam("figure") String figure, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("zone") String zone, @QueryParam("channel") String channel,
            @QueryParam("requesterType") String requesterType, @QueryParam("basis") String basis,
            @QueryParam("exception") String exception, @QueryParam("clock") String clock);

    @GET
    @Path("complaints/reconciliation")
    @Produces(MediaType.APPLICATION_JSON)
    ReportingFigures.Reconciliation reconciliation(@QueryParam("zone") String zone);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new ReportingUnavailableException("reporting-service answered " + status, null);
        }
        return new ReportingRefusedException(status);
    }
}
