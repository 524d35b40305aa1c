package org.ehiaccess.ui.web;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The htmx request headers this UI looks at. A page answers an htmx request with just the fragment
 * htmx swaps in, and every other request (a plain browser, JavaScript off, a history restore) with
 * the whole page; the answers differ, so they carry {@code Vary: HX-Request}.
 */
public final class Htmx {

    public static final String REQUEST = "HX-Request";
    public static final String HISTORY_RESTORE = "HX-History-Restore-Request";
    public static final String BOOSTED = "HX-Boosted";
    public static final String REDIRECT = "HX-Redirect";
    public static final String RETARGET = "HX-Retarget";
    public static final String RESWAP = "HX-Reswap";

    private Htmx() {
    }

    /** True when htmx asked for a part of a page, not a whole page. */
    public static boolean wantsFragment(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString(REQUEST))
                && !"true".equals(headers.getHeaderString(HISTORY_RESTORE))
                && !"true".equals(headers.getHeaderString(BOOSTED));
    }

    public static boolean isHtmx(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString(REQUEST));
    }

    /**
     * After a change (post/redirect/get): a plain browser follows a 303 to {@code target}; htmx gets
     * {@code HX-Redirect} and loads it as a page, so the address and the back button stay right.
     */
    public static Response redirect(HttpHeaders headers, URI target) {
        if (isHtmx(headers)) {
            return Response.noContent().header(REDIRECT, target.toString()).build();
        }
        return Response.seeOther(target).build();
    }
}
