package org.ehiaccess.reporting.complaint;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.reporting.metrics.Period;
import org.ehiaccess.reporting.metrics.ReportData;

import io.quarkus.security.PermissionsAllowed;

/**
 * Complaints to follow up, of every period: those linked to no request (which request is it about?), and requests
 * with a complaint but no signed decision (was the denial or delay ever analysed?).
 */
@Path("/api/v1/complaints/reconciliation")
public class ReconciliationResource {

    public record Unlinked(UUID complaintId, LocalDate loggedOn, String status, String outcome) {
    }

    public record Unsigned(UUID requestId, List<UUID> complaintIds) {
    }

    public record Reconciliation(List<Unlinked> complaintsWithoutRequest,
            List<Unsigned> requestsWithComplaintButNoSignedDecision) {
    }

    @Inject
    ClinicContext clinic;

    @Inject
    ReportData data;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.READ_METRICS)
    @Operation(summary = "Complaints with no linked request, and requests with a complaint but no signed decision")
    public Reconciliation reconcile(@QueryParam("zone") String zoneText) {
        ZoneId zone = Period.zone(zoneText);
        String clinicId = clinic.clinicId();
        List<Unlinked> unlinked = new ArrayList<>();
        Map<UUID, List<UUID>> byRequest = new LinkedHashMap<>();
        for (ReportData.ComplaintRow c : data.complaints(clinicId, null, null, zone)) {
            if (c.linkedRequestId() == null) {
                unlinked.add(new Unlinked(c.id(), c.loggedOn(), c.status(), c.outcome()));
            } else {
                byRequest.computeIfAbsent(c.linkedRequestId(), k -> new ArrayList<>()).add(c.id());
            }
        }
        Set<UUID> signed = new HashSet<>(data.signed(clinicId, new ArrayList<>(byRequest.keySet())));
        List<Unsigned> unsigned = new ArrayList<>();
        byRequest.forEach((request, complaints) -> {
            if (!signed.contains(request)) {
                unsigned.add(new Unsigned(request, complaints));
            }
        });
        return new Reconciliation(unlinked, unsigned);
    }
}
