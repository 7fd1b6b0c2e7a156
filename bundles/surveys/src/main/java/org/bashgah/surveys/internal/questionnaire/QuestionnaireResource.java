package org.bashgah.surveys.internal.questionnaire;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/surveys/questionnaires}: everyone in the organisation reads them (operators read them out);
 * chain admins create and change them. A change of a questionnaire an operator was already shown makes its next
 * version (see {@link Questionnaires}).
 */
@Component(service = QuestionnaireResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/surveys/questionnaires")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuestionnaireResource {
    private final Questionnaires questionnaires;

    @Activate
    public QuestionnaireResource(@Reference Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    /** The body of POST: a code unique in the organisation, a name, the questions in order. */
    public record NewQuestionnaire(String code, Text name, List<QuestionnaireRules.QuestionDraft> questions) {
    }

    /** The body of PUT: the whole new name and questions (the code stays). */
    public record QuestionnaireChange(Text name, List<QuestionnaireRules.QuestionDraft> questions) {
    }

    @GET
    public List<Questionnaire> list(@Context SecurityContext security) {
        return questionnaires.list(caller(security).organisationId());
    }

    @POST
    public Response create(NewQuestionnaire body, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        Validation v = new Validation();
        if (body == null) v.add("body", "a questionnaire is required").throwIfInvalid();
        v.require("code", body.code()).code("code", body.code());
        List<QuestionnaireRules.CheckedQuestion> questions = QuestionnaireRules.check(v, body.name(), body.questions());
        v.throwIfInvalid();
        Questionnaire created = questionnaires.create(caller, body.code(), QuestionnaireRules.trimmed(body.name()), questions);
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("{id}")
    public Questionnaire get(@PathParam("id") String id, @Context SecurityContext security) {
        return questionnaires.current(caller(security).organisationId(), Ids.parse(id, "questionnaire"));
    }

    @PUT
    @Path("{id}")
    public Questionnaire change(@PathParam("id") String id, QuestionnaireChange body, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        long questionnaire = Ids.parse(id, "questionnaire");
        Validation v = new Validation();
        if (body == null) v.add("body", "the name and questions are required").throwIfInvalid();
        List<QuestionnaireRules.CheckedQuestion> questions = QuestionnaireRules.check(v, body.name(), body.questions());
        v.throwIfInvalid();
        return questionnaires.change(caller, questionnaire, QuestionnaireRules.trimmed(body.name()), questions);
    }

    @GET
    @Path("{id}/versions")
    public List<Questionnaire.Version> versions(@PathParam("id") String id, @Context SecurityContext security) {
        return questionnaires.versions(caller(security).organisationId(), Ids.parse(id, "questionnaire"));
    }

    @GET
    @Path("{id}/versions/{version}")
    public Questionnaire version(@PathParam("id") String id, @PathParam("version") String version,
                                 @Context SecurityContext security) {
        long number = Ids.parse(version, "version");
        if (number > Integer.MAX_VALUE) throw new org.bashgah.core.api.BashgahException.NotFound("no version " + version);
        return questionnaires.version(caller(security).organisationId(), Ids.parse(id, "questionnaire"), (int) number);
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}
