package org.bashgah.core.internal.rest;

import org.bashgah.core.api.FieldError;
import java.util.List;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

/**
 * A request the REST layer refuses before it reaches a service (malformed JSON, a missing field, a body
 * too large). A {@link WebApplicationException}, so the JAX-RS runtime passes it on untouched.
 */
public class ProblemException extends WebApplicationException {
    private static final long serialVersionUID = 1L;

    public ProblemException(Problem problem) {
        super(problem.detail(), Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build());
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid";
        return new ProblemException(Problem.of(400, "invalid-request", "Invalid request", detail, errors));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }
}
