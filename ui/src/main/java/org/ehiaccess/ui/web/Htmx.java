package org.ehiaccess.ui.web;

import jakarta.ws.rs.core.HttpHeaders;

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
}
