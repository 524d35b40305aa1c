package org.ehiaccess.ui.client.intake;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import org.ehiaccess.ui.client.PropagateAccessToken;

/** intake-service's complaint, settings and alert APIs. Package-private, like {@link IntakeApi}. */
final class OtherIntakeApis {

    private OtherIntakeApis() {
    }

    @RegisterRestClient(configKey = "intake")
    @RegisterProvider(PropagateAccessToken.class)
    @Path("/api/v1/complaints")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    interface ComplaintsApi {

        @GET
        List<ComplaintRecord> list(@QueryParam("status") String status);

        @GET
        @Path("{id}")
        ComplaintRecord get(@PathParam("id") UUID id);

        @POST
        ComplaintRecord create(@HeaderParam(IntakeApi.IDEMPOTENCY_KEY) String idempotencyKey, ComplaintBody body);

        @PUT
        @Path("{id}")
        ComplaintRecord update(@PathParam("id") UUID id, @HeaderParam(IntakeApi.IF_MATCH) String version, ComplaintBody body);

        @GET
        @Path("{id}/audit")
        List<AuditRecord> audit(@PathParam("id") UUID id);

        @ClientExceptionMapper
        static RuntimeException toException(Response response) {
            return IntakeApi.toException(response);
        }
    }

    /** The operations of the permission table the signed-in person's roles allow. */
    record OwnOperations(List<String> operations) {
    }

    @RegisterRestClient(configKey = "intake")
    @RegisterProvider(PropagateAccessToken.class)
    @Path("/api/v1/permissions/mine")
    @Produces(MediaType.APPLICATION_JSON)
    interface PermissionsApi {

        @GET
        OwnOperations mine();

        @ClientExceptionMapper
        static RuntimeException toException(Response response) {
            return IntakeApi.toException(response);
        }
    }

    @RegisterRestClient(configKey = "intake")
    @RegisterProvider(PropagateAccessToken.class)
    @Path("/api/v1/settings")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    interface SettingsApi {

        @GET
        ClinicSettings get();

        @PUT
        ClinicSettings update(@HeaderParam(IntakeApi.IF_MATCH) String version, ClinicSettings.Update update);

        @GET
        @Path("audit")
        List<AuditRecord> audit();

        @ClientExceptionMapper
        static RuntimeException toException(Response response) {
            return IntakeApi.toException(response);
        }
    }

    @RegisterRestClient(configKey = "intake")
    @RegisterProvider(PropagateAccessToken.class)
    @Path("/api/v1/alerts")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    interface AlertsApi {

        record UnreadCount(long unread) {
        }

        @GET
        List<AlertRecord> list(@QueryParam("unread") boolean unreadOnly);

        @GET
        @Path("unread-count")
        UnreadCount unreadCount();

        @POST
        @Path("{id}/read")
        UnreadCount markRead(@PathParam("id") UUID id);

        @GET
        @Path("delivery")
        AlertMail delivery();

        @PUT
        @Path("delivery")
        AlertMail setDelivery(AlertMail.Choice choice);

        @DELETE
        @Path("delivery")
        void stopDelivery();

        @ClientExceptionMapper
        static RuntimeException toException(Response response) {
            return IntakeApi.toException(response);
        }
    }
}
