package org.ehiaccess.reporting.training;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.reporting.Days;
import org.ehiaccess.reporting.event.DataKey;
import org.ehiaccess.reporting.policy.Policy;
import org.ehiaccess.reporting.policy.PolicyStore;

import io.quarkus.security.PermissionsAllowed;

/**
 * Training records per staff member (course, date, policy version covered, attestation) and who is due: the annual
 * refresher, or never trained on the policy version in force.
 */
@Path("/api/v1/training")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingResource {

    static final int MAX_COURSE = 200;

    @Inject
    ClinicContext clinic;

    @Inject
    TrainingStore training;

    @Inject
    PolicyStore policies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.RECORD_TRAINING)
    @Operation(summary = "Record a staff member's training",
            description = "{userId, course, completedOn, policyKey?, policyVersion? (an approved version), attested}")
    public Response record(Training.Input input) {
        String clinicId = clinic.clinicId();
        validate(clinicId, input);
        Training.Record saved = training.add(clinicId, input, clinic.actor());
        return Response.created(URI.create("/api/v1/training?userId=" + saved.userId())).entity(saved).build();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_TRAINING)
    @Operation(summary = "Training records, newest first (of one staff member with userId)")
    public List<Training.Record> list(@QueryParam("userId") String userId) {
        if (userId != null && !DataKey.assigneeId.accepts(userId)) {
            throw ProblemException.invalid("userId", "must be an account id");
        }
        return training.list(clinic.clinicId(), userId);
    }

    @GET
    @Path("due")
    @PermissionsAllowed(Permissions.READ_TRAINING)
    @Operation(summary = "Who is due for training on a day",
            description = "asOf (default today in zone); policy (default the right-of-access policy); userId"
                    + " (repeatable): staff to check besides everyone with a training record.")
    public Training.DueList due(@QueryParam("asOf") String asOf, @QueryParam("policy") String policy,
            @QueryParam("zone") String zone, @QueryParam("userId") List<String> userIds) {
        String clinicId = clinic.clinicId();
        LocalDate day = Days.dayOrToday(asOf, "asOf", zone);
        String key = policy == null || policy.isBlank() ? PolicyStore.TEMPLATE_KEY : policy;
        PolicyStore.key(key);
        Set<String> staff = new LinkedHashSet<>();
        for (String id : userIds == null ? List.<String>of() : userIds) {
            if (!DataKey.assigneeId.accepts(id)) {
                throw ProblemException.invalid("userId", "must be an account id");
            }
            staff.add(id);
        }
        Integer inForce = policies.inForce(clinicId, key, day).map(Policy.Version::version).orElse(null);
        return new Training.DueList(day, key, inForce,
                Training.due(training.list(clinicId, null), staff, day, key, inForce));
    }

    private void validate(String clinicId, Training.Input input) {
        if (input == null) {
            throw ProblemException.invalid("userId", "the body is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.userId() == null || !DataKey.assigneeId.accepts(input.userId())) {
            errors.add(new Problem.FieldError("userId", "must be the staff member's account id (letters, digits,"
                    + " . _ : -; at most 100)"));
        }
        if (input.course() == null || input.course().isBlank()) {
            errors.add(new Problem.FieldError("course", "is required"));
        } else if (input.course().length() > MAX_COURSE) {
            errors.add(new Problem.FieldError("course", "must be at most " + MAX_COURSE + " characters"));
        }
        if (input.completedOn() == null) {
            errors.add(new Problem.FieldError("completedOn", "is required (YYYY-MM-DD)"));
        } else if (input.completedOn().isAfter(LocalDate.now(ZoneId.of("UTC")).plusDays(1))) {
            errors.add(new Problem.FieldError("completedOn", "must not be in the future"));
        }
        if (input.attested() == null) {
            errors.add(new Problem.FieldError("attested", "is required (true or false)"));
        }
        if ((input.policyKey() == null) != (input.policyVersion() == null)) {
            errors.add(new Problem.FieldError(input.policyKey() == null ? "policyKey" : "policyVersion",
                    "policyKey and policyVersion go together"));
        } else if (input.policyKey() != null) {
            if (!PolicyStore.KEY.matcher(input.policyKey()).matches()) {
                errors.add(new Problem.FieldError("policyKey", "must be a policy key"));
            } else if (!policies.approved(clinicId, input.policyKey(), input.policyVersion())) {
                errors.add(new Problem.FieldError("policyVersion", "must be an approved version of the policy"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
