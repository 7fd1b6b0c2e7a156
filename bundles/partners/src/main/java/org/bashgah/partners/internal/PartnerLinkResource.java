package org.bashgah.partners.internal;

import java.nio.charset.StandardCharsets;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /partner-link/v1/messages}: where remote partners' servers send signed messages (see
 * {@link Signatures}). It is outside {@code /api/}, so no bearer token: the signature is the authentication. The
 * body is taken as text (Bashgah's JSON reader takes every other type) and signed as its UTF-8 bytes; any refusal
 * is a 401 problem saying why.
 */
@Component(service = PartnerLinkResource.class)
@JaxrsResource
@Path(Remotes.MESSAGES_PATH)
public class PartnerLinkResource {
    private static final String PROBLEM = "application/problem+json";
    private static final int MAX_BODY = 4000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PartnerLinkResource.class);

    private final Remotes remotes;
    private final RemoteInbox inbox;

    @Activate
    public PartnerLinkResource(@Reference Remotes remotes, @Reference RemoteInbox inbox) {
        this.remotes = remotes;
        this.inbox = inbox;
    }

    @POST
    public Response receive(String text, @Context HttpHeaders headers, @Context UriInfo uri) {
        byte[] body = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        if (body.length > MAX_BODY) {
            return problem(413, "too-large", "Request body too large", "a message holds at most " + MAX_BODY + " bytes");
        }
        // the kind is read loosely here; what matters was signed, and the whole body is kept as it came
        var kind = java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"([a-z-]{1,40})\"").matcher(text == null ? "" : text);
        if (!kind.find()) return problem(400, "invalid", "Invalid message", "type: is required (docs/partners.md)");
        try {
            Remotes.Message m = remotes.receive("POST", uri.getRequestUri().getRawPath(),
                headers.getHeaderString(Signatures.KEY), headers.getHeaderString(Signatures.TIMESTAMP),
                headers.getHeaderString(Signatures.NONCE), headers.getHeaderString(Signatures.SIGNATURE), body,
                kind.group(1));
            RemoteEntity remote = remotes.byKeyId(headers.getHeaderString(Signatures.KEY)).orElseThrow();
            String from = remote.code;
            try {
                inbox.handle(remote, m.kind(), new String(body, StandardCharsets.UTF_8));
            } catch (org.bashgah.core.api.BashgahException.Rejected e) {
                // final: the sender keeps it as refused
                return problem(422, "rejected", "Message not taken", e.field() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                // ours to fix, or a moment's trouble: the sender tries again (every message is idempotent here)
                LOG.warn("Could not act on message {} from {}: {}", m.id(), from, e.toString());
                return problem(503, "unavailable", "Try again", "the message could not be acted on now");
            }
            return Response.ok("{\"received\":" + m.id() + ",\"type\":\"" + m.kind() + "\",\"from\":\"" + from + "\"}",
                "application/json").build();
        } catch (Remotes.Refused e) {
            return problem(401, "signature-refused", "Unauthorized", e.getMessage());
        }
    }

    private static Response problem(int status, String slug, String title, String detail) {
        String json = "{\"type\":\"urn:bashgah:problem:" + slug + "\",\"title\":\"" + title + "\",\"status\":"
            + status + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return Response.status(status).type(PROBLEM).entity(json).build();
    }
}
