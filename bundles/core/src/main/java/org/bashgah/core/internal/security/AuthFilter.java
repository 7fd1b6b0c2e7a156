package org.bashgah.core.internal.security;

import java.security.Principal;
import java.util.Optional;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.internal.rest.Problem;
import org.bashgah.core.internal.rest.JsonProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Every request under {@code /api/} except logging in, the OpenAPI document and the health check must carry
 * {@code Authorization: Bearer <token or API key>}; without a valid one it is answered 401 before any
 * resource runs. Bodies declared larger than the JSON limit, and bodies that are not JSON, are refused here,
 * unread.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("bashgah.auth")
@PreMatching
public class AuthFilter implements ContainerRequestFilter {
    private final Authenticator authenticator;

    @Activate
    public AuthFilter(@Reference Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) path = path.substring(1);
        if (!path.startsWith("api/")) return;
        if (request.getLength() > JsonProvider.MAX_BODY_BYTES) {
            request.abortWith(refuse(413, "too-large", "Request body too large",
                "the body is larger than " + JsonProvider.MAX_BODY_BYTES + " bytes"));
            return;
        }
        if (request.hasEntity() && (request.getMediaType() == null || !request.getMediaType().getSubtype().endsWith("json"))) {
            // refused here, before JAX-RS looks for a reader and logs the miss as an error
            request.abortWith(refuse(415, "unsupported-media-type", "Unsupported Media Type",
                "the body must be JSON, sent with Content-Type: application/json"));
            return;
        }
        if (path.equals("api/openapi.json") || path.equals("api/health") || (path.equals("api/v1/auth/token") && "POST".equals(request.getMethod()))) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Caller> caller = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authenticator.authenticate(header.substring(7).trim()) : Optional.empty();
        if (caller.isEmpty()) {
            request.abortWith(Response.fromResponse(refuse(401, "unauthorized", "Unauthorized",
                    header == null ? "an Authorization: Bearer header is required"
                        : "the token or API key is not valid (unknown, expired or revoked)"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"bashgah\"").build());
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(caller.get(), secure));
    }

    private static Response refuse(int status, String slug, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, slug, title, detail, null))
            .build();
    }

    private record CallerContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.role().text().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
