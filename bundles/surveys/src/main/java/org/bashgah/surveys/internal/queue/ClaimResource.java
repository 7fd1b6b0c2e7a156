package org.bashgah.surveys.internal.queue;

import java.time.OffsetDateTime;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Rest;
import org.bashgah.core.api.Validation;
import org.bashgah.surveys.internal.Ids;
import org.bashgah.surveys.internal.Scope;
import org.bashgah.surveys.internal.answer.AnswerRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/surveys/claims/{id}}: the call screen of a claim again, and {@code POST .../outcome}, what came
 * of the call (201; the same outcome again answers 200 with the first result).
 */
@Component(service = ClaimResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/surveys/claims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClaimResource {
    static final int MAX_NOTE = 500;

    private final CallQueue queue;

    @Activate
    public ClaimResource(@Reference CallQueue queue) {
        this.queue = queue;
    }

    /**
     * The body of an outcome: {@code outcome} one of ANSWERED (with {@code answers}), NO_ANSWER, BUSY, WRONG_NUMBER,
     * CALL_BACK (with {@code callBackAt}) or REFUSED; {@code note} an optional remark.
     */
    public record OutcomeRequest(String outcome, OffsetDateTime callBackAt, String note, List<AnswerRules.Given> answers) {
    }

    @GET
    @Path("{id}")
    public CallScreen get(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Scope.staff((Caller) security.getUserPrincipal());
        return queue.screen(caller, Ids.parse(id, "claim"));
    }

    @POST
    @Path("{id}/outcome")
    public Response outcome(@PathParam("id") String id, OutcomeRequest body, @Context SecurityContext security) {
        Caller caller = Scope.staff((Caller) security.getUserPrincipal());
        long claim = Ids.parse(id, "claim");
        Validation v = new Validation();
        if (body == null) v.add("body", "an outcome is required").throwIfInvalid();
        RetryRules.Outcome outcome = RetryRules.Outcome.of(body.outcome());
        v.require("outcome", body.outcome())
            .check(body.outcome() == null || outcome != null, "outcome", "must be one of " + RetryRules.Outcome.names())
            .check(outcome != RetryRules.Outcome.CALL_BACK || body.callBackAt() != null, "callBackAt",
                "is required with outcome CALL_BACK")
            .check(body.callBackAt() == null || outcome == RetryRules.Outcome.CALL_BACK, "callBackAt",
                "is given only with outcome CALL_BACK")
            .check(body.answers() == null || outcome == RetryRules.Outcome.ANSWERED, "answers",
                "are given only with outcome ANSWERED")
            .text("note", body.note(), MAX_NOTE)
            .throwIfInvalid();
        CallQueue.Outcome recorded = queue.record(caller, claim, outcome,
            body.callBackAt() == null ? null : body.callBackAt().toInstant(), body.note(), body.answers());
        return Response.status(recorded.created() ? 201 : 200).entity(recorded.recorded()).build();
    }

    /** Hands the claim back unfinished: 204; the call is back in the queue (see {@link CallQueue#release}). */
    @POST
    @Path("{id}/release")
    public Response release(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Scope.staff((Caller) security.getUserPrincipal());
        queue.release(caller, Ids.parse(id, "claim"));
        return Response.noContent().build();
    }
}
