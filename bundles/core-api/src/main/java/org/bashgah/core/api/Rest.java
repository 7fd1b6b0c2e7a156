package org.bashgah.core.api;

/**
 * What a capability's JAX-RS whiteboard resource needs to be served like core's: register it with
 * {@code osgi.jaxrs.extension.select=}{@value #JSON_SELECT} (e.g. {@code @JaxrsExtensionSelect(Rest.JSON_SELECT)})
 * to get Bashgah's strict JSON and problem-details errors, and put it under {@code /api/v1/<capability>}, where
 * every request is authenticated and its {@link Caller} is the security context's principal.
 */
public final class Rest {
    public static final String JSON_SELECT = "(osgi.jaxrs.name=bashgah.json)";

    private Rest() {
    }
}
