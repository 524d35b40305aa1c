package org.ehiaccess.ui.worksheet;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.ui.client.decision.DecisionRefusedException;
import org.ehiaccess.ui.client.decision.DecisionUnavailableException;
import org.ehiaccess.ui.web.Htmx;
import org.ehiaccess.ui.security.SignedInUser;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** decision-service's failures as pages in plain words (the same error page as the rest of the UI). */
public class DecisionErrorPages {

    private static final Logger LOG = Logger.getLogger(DecisionErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @Inject
    SignedInUser user;

    @ServerExceptionMapper
    public Response unavailable(DecisionUnavailableException e, HttpHeaders headers) {
        LOG.warnf("decision-service unavailable: %s", e.getMessage());
        return page(headers, 503, "Decisions are not available right now",
                "Nothing that was saved is lost. Try again in a minute; if it keeps happening, tell your clinic's "
                        + "administrator.");
    }

    @ServerExceptionMapper
    public Response refused(DecisionRefusedException e, HttpHeaders headers) {
        int status = e.status();
        if (status == 401 || status == 403) {
            return page(headers, 403, "This is not open to your role",
                    "Your sign-in (" + (user.roleLabels().isEmpty() ? "no clinic role" : user.roleLabels())
                            + ") does not allow this step. If you need it for your work, ask your clinic's administrator.");
        }
        if (status == 404) {
            return page(headers, 404, "Not found", "There is nothing at this address in your clinic's records.");
        }
        LOG.warnf("decision-service refused a call: %d %s", status, e.problem().title());
        return page(headers, 502, "Something went wrong",
                "The decision service refused this step. Try again; if it keeps happening, tell your clinic's administrator.");
    }

    private static Response page(HttpHeaders headers, int status, String title, String message) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, message));
        if (headers != null && Htmx.isHtmx(headers)) {
            response.header(Htmx.RETARGET, "body").header(Htmx.RESWAP, "innerHTML");
        }
        return response.build();
    }
}
