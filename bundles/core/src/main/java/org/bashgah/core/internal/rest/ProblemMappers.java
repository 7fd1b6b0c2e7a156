package org.bashgah.core.internal.rest;

import org.bashgah.core.api.FieldError;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.bashgah.core.api.BashgahException;
import org.bashgah.core.api.BashgahException.Conflict;
import org.bashgah.core.api.BashgahException.Forbidden;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Maps every failure, once, to a problem-details answer. */
public final class ProblemMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The service-level failures of the public API. */
    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsName("bashgah.problems.service")
    public static class ServiceFailures implements ExceptionMapper<BashgahException> {
        @Override
        public Response toResponse(BashgahException e) {
            if (e instanceof BashgahException.Invalid i) {
                return answer(Problem.of(400, "invalid-request", "Invalid request", e.getMessage(), i.errors()));
            }
            if (e instanceof NotFound) return answer(Problem.of(404, "not-found", "Not found", e.getMessage(), null));
            if (e instanceof Forbidden) return answer(Problem.of(403, "forbidden", "Forbidden", e.getMessage(), null));
            if (e instanceof Conflict c) {
                Problem p = Problem.of(409, "conflict", "Conflict", e.getMessage(), null);
                return answer(new Problem(p.type(), p.title(), 409, p.detail(), null, c.existingId()));
            }
            Rejected r = (Rejected) e;
            return answer(Problem.of(422, "rejected", "Request rejected", e.getMessage(),
                List.of(new FieldError(r.field(), e.getMessage()))));
        }
    }

    /** JAX-RS's own refusals (unknown path 404, wrong method 405, wrong media type 415, ...). */
    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsName("bashgah.problems.http")
    public static class HttpFailures implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response given = e.getResponse();
            if (given != null && given.getEntity() instanceof Problem) return given;
            int status = given == null ? 500 : given.getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "HTTP " + status : type.getReasonPhrase();
            return answer(Problem.of(status, "http-" + status, title, e.getMessage(), null));
        }
    }

    /** A bug: logged in full, answered without internals. */
    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsName("bashgah.problems.unexpected")
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            LOG.error("Unexpected failure while answering a request", e);
            return answer(Problem.of(500, "internal", "Internal error",
                "the server failed to answer; the failure is in its log", null));
        }
    }
}
