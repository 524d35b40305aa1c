package org.ehiaccess.ui.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers every page carries. Pages answer htmx with a fragment and browsers with the whole page:
 * {@code Vary: HX-Request}. Pages show patient information: never stored by a browser or proxy.
 */
public class PageHeaders {

    @ServerResponseFilter
    public void pageHeaders(ContainerResponseContext response) {
        response.getHeaders().add(HttpHeaders.VARY, Htmx.REQUEST);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
