package org.ehiaccess.ui.home;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.ehiaccess.ui.client.intake.IntakeRefusedException;
import org.ehiaccess.ui.client.intake.IntakeUnavailableException;
import org.ehiaccess.ui.security.SignedInUser;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ResteasyReactiveClientProblem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import org.ehiaccess.ui.web.Htmx;

/** What a person sees when something goes wrong: a page in plain words, never a stack trace. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @Inject
    SignedInUser user;

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return page(headers, 403, "This page is not open to your role",
                "Your sign-in (" + roleText() + ") does not include this page. "
                        + "If you need it for your work, ask your clinic's administrator.");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers) {
        return page(headers, 404, "Page not found", "Check the address, or use the links above.");
    }

    /**
     * A form over the HTTP form limits (quarkus.http.limits) is refused while it is read, as a bare
     * 413: answer it with a page in plain words, never an empty body (which htmx would swap in).
     * Other framework refusals keep their own answer; a REST client's failure that escaped is a 500.
     */
    @ServerExceptionMapper
    public Response refusedByTheFramework(WebApplicationException e, HttpHeaders headers) {
        if (e instanceof ResteasyReactiveClientProblem) {
            LOG.warnf("a service call failed: %s", e.toString());
            return page(headers, 500, "Something went wrong",
                    "Nothing you typed was saved yet. Try again; if it keeps happening, tell your clinic's administrator.");
        }
        if (e.getResponse() != null && e.getResponse().getStatus() == 413) {
            return page(headers, 413, "This is too long to send",
                    "Nothing was saved. Shorten the longest text, then send it again.");
        }
        return e.getResponse();
    }

    @ServerExceptionMapper
    public Response unavailable(IntakeUnavailableException e, HttpHeaders headers) {
        LOG.warnf("intake-service unavailable: %s", e.getMessage());
        return serviceUnavailable(headers);
    }

    @ServerExceptionMapper
    public Response unavailable(FaultToleranceException e, HttpHeaders headers) {
        LOG.warnf("intake-service unavailable: %s", e.toString());
        return serviceUnavailable(headers);
    }

    @ServerExceptionMapper
    public Response refused(IntakeRefusedException e, HttpHeaders headers) {
        int status = e.status();
        if (status == 401 || status == 403) {
            String why = user.hasClinic()
                    ? "The request log did not accept your sign-in for this. Sign out and sign in again; if it "
                            + "keeps happening, ask your clinic's administrator to check your roles."
                    : "Your sign-in is not linked to a clinic, so there is no request log to show. "
                            + "Ask your clinic's administrator to link your account to your clinic.";
            return page(headers, 403, "The request log is not open to you", why);
        }
        if (status == 404) {
            return page(headers, 404, "Not found", "There is nothing at this address in your clinic's records.");
        }
        LOG.warnf("intake-service refused a call: %d %s", status, e.problem().title());
        return page(headers, 502, "Something went wrong",
                "The request log refused this step. Try again; if it keeps happening, tell your clinic's administrator.");
    }

    private Response serviceUnavailable(HttpHeaders headers) {
        return page(headers, 503, "The request log is not available right now",
                "Nothing that was saved is lost. Try again in a minute; if it keeps happening, "
                        + "tell your clinic's administrator.");
    }

    private String roleText() {
        String roles = user.roleLabels();
        return roles.isEmpty() ? "no clinic role" : roles;
    }

    private static Response page(HttpHeaders headers, int status, String title, String message) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, message));
        if (headers != null && Htmx.isHtmx(headers)) {
            // an htmx request asked for a part of a page: show the whole error page instead
            response.header(Htmx.RETARGET, "body").header(Htmx.RESWAP, "innerHTML");
        }
        return response.build();
    }
}
