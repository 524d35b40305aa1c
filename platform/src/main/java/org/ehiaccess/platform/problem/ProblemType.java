package org.ehiaccess.platform.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The stable {@code type} of every problem the services answer (RFC 9457 section 3.1.1). Callers branch
 * on the type, never on the English title or detail, which may be reworded. The URIs are tag URIs
 * (RFC 4151): names, not addresses to fetch.
 */
public enum ProblemType {
    /** 400: one or more fields are wrong; {@code errors} names each. */
    INVALID_INPUT("invalid-input"),
    /** 401: no valid token. */
    UNAUTHENTICATED("unauthenticated"),
    /** 403: the caller's role may not do this. */
    FORBIDDEN("forbidden"),
    /** 404: no such record in the caller's clinic (another clinic's records are not found either). */
    NOT_FOUND("not-found"),
    /** 405: the path exists but not with this method. */
    METHOD_NOT_ALLOWED("method-not-allowed"),
    /** 409: the record changed since the caller read it (If-Match did not match). */
    STALE_VERSION("stale-version"),
    /** 428: a change must say which version it was made on (If-Match). */
    VERSION_REQUIRED("version-required"),
    /** 422: an Idempotency-Key was used before with a different body. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused"),
    /** 409: the first request with this Idempotency-Key is still being processed. */
    IDEMPOTENCY_KEY_IN_PROGRESS("idempotency-key-in-progress"),
    /** 409: the record's state does not allow this (closed, already signed, already sent, ...). */
    CONFLICT("conflict"),
    /** 409: the signed decision does not support this (e.g. a denial letter for a decision no exception covers). */
    NOT_ALLOWED_FOR_DECISION("not-allowed-for-decision"),
    /**
     * 409: this needs a signed decision that supports it, and there is none (e.g. a request set to denied with no
     * signed decision covering the denial); {@code detail} names what is missing.
     */
    DECISION_REQUIRED("decision-required"),
    /**
     * 409: the record is signed or approved and never changes again (a signed quarterly denial review, an approved
     * policy version, a self-audit completion's evidence file); a change is a new record or version.
     */
    LOCKED("locked"),
    /** 403: the reviewer took part in the decision under review (45 CFR 164.524(d)(4)). */
    REVIEWER_NOT_INDEPENDENT("reviewer-not-independent"),
    /** 413: the body is larger than allowed. */
    PAYLOAD_TOO_LARGE("payload-too-large"),
    /** 415: the body is not JSON (or lacks a Content-Type). */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
    /** 503: a service this one depends on (or its database) cannot be reached; try again. */
    SERVICE_UNAVAILABLE("service-unavailable"),
    /** 500: a fault of ours. */
    INTERNAL_ERROR("internal-error"),
    /** Anything else (a type we do not know, e.g. from an older service). */
    OTHER("about:blank");

    public static final String PREFIX = "tag:ehiaccess.org,2026:problem:";

    private final String uri;

    ProblemType(String slug) {
        this.uri = slug.startsWith("about:") ? slug : PREFIX + slug;
    }

    public String uri() {
        return uri;
    }

    public URI asUri() {
        return URI.create(uri);
    }

    /** The type a problem answer carries; {@link #OTHER} for a missing or unknown one. */
    public static ProblemType of(String uri) {
        return find(uri).orElse(OTHER);
    }

    public static Optional<ProblemType> find(String uri) {
        return Arrays.stream(values()).filter(t -> t.uri.equals(uri)).findFirst();
    }

    /** The usual type for an HTTP status when nothing more specific is known. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_INPUT;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 428 -> VERSION_REQUIRED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : OTHER;
        };
    }
}
