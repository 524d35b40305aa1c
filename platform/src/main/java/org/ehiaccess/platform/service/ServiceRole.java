package org.ehiaccess.platform.service;

/**
 * The role of another of our services acting on its own (a relay delivering an outbox, with a token it got by OIDC
 * client credentials), not for a signed-in person. Such a token names no clinic: each call names the one it acts for.
 */
public final class ServiceRole {

    public static final String SERVICE = "service";

    private ServiceRole() {
    }
}
