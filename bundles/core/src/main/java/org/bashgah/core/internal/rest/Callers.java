package org.bashgah.core.internal.rest;

import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.internal.security.Caller;

/** The caller the authentication filter put on the request. */
public final class Callers {
    private Callers() {
    }

    public static Caller of(SecurityContext context) {
        if (context == null || !(context.getUserPrincipal() instanceof Caller caller)) {
            throw new IllegalStateException("request reached a resource without authentication");
        }
        return caller;
    }
}
