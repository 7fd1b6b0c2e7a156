package org.bashgah.core.internal.rest;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.core.Application;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.GenericType;
import javax.ws.rs.core.Link;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.NewCookie;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.Response.ResponseBuilder;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.Variant;
import javax.ws.rs.ext.RuntimeDelegate;

/**
 * Just enough of a JAX-RS runtime for {@code Response.status(..).type(..).entity(..).build()}, the one
 * chain {@link ProblemException} uses, so unit tests can build and inspect problems without CXF. Anything
 * else a test reaches throws {@link UnsupportedOperationException}.
 */
final class PlainRuntimeDelegate extends RuntimeDelegate {

    private PlainRuntimeDelegate() {
    }

    /** Call before building a {@link ProblemException} in a test. */
    static void install() {
        RuntimeDelegate.setInstance(new PlainRuntimeDelegate());
    }

    @Override
    public ResponseBuilder createResponseBuilder() {
        return new Builder();
    }

    @Override
    public UriBuilder createUriBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Variant.VariantListBuilder createVariantListBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T createEndpoint(Application application, Class<T> endpointType) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> HeaderDelegate<T> createHeaderDelegate(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Link.Builder createLinkBuilder() {
        throw new UnsupportedOperationException();
    }

    /** A response that holds a status, a media type and an entity. */
    private static final class PlainResponse extends Response {
        private final int status;
        private final String type;
        private final Object entity;

        PlainResponse(int status, String type, Object entity) {
            this.status = status;
            this.type = type;
            this.entity = entity;
        }

        @Override public int getStatus() { return status; }
        @Override public StatusType getStatusInfo() { return Status.fromStatusCode(status); }
        @Override public Object getEntity() { return entity; }
        @Override public boolean hasEntity() { return entity != null; }
        @Override public String getHeaderString(String name) { return "Content-Type".equalsIgnoreCase(name) ? type : null; }
        @Override public void close() { }
        @Override public <T> T readEntity(Class<T> t) { throw new UnsupportedOperationException(); }
        @Override public <T> T readEntity(GenericType<T> t) { throw new UnsupportedOperationException(); }
        @Override public <T> T readEntity(Class<T> t, Annotation[] a) { throw new UnsupportedOperationException(); }
        @Override public <T> T readEntity(GenericType<T> t, Annotation[] a) { throw new UnsupportedOperationException(); }
        @Override public boolean bufferEntity() { throw new UnsupportedOperationException(); }
        @Override public MediaType getMediaType() { throw new UnsupportedOperationException(); }
        @Override public Locale getLanguage() { throw new UnsupportedOperationException(); }
        @Override public int getLength() { throw new UnsupportedOperationException(); }
        @Override public Set<String> getAllowedMethods() { throw new UnsupportedOperationException(); }
        @Override public Map<String, NewCookie> getCookies() { throw new UnsupportedOperationException(); }
        @Override public EntityTag getEntityTag() { throw new UnsupportedOperationException(); }
        @Override public Date getDate() { throw new UnsupportedOperationException(); }
        @Override public Date getLastModified() { throw new UnsupportedOperationException(); }
        @Override public URI getLocation() { throw new UnsupportedOperationException(); }
        @Override public Set<Link> getLinks() { throw new UnsupportedOperationException(); }
        @Override public boolean hasLink(String relation) { throw new UnsupportedOperationException(); }
        @Override public Link getLink(String relation) { throw new UnsupportedOperationException(); }
        @Override public Link.Builder getLinkBuilder(String relation) { throw new UnsupportedOperationException(); }
        @Override public MultivaluedMap<String, Object> getMetadata() { throw new UnsupportedOperationException(); }
        @Override public MultivaluedMap<String, String> getStringHeaders() { throw new UnsupportedOperationException(); }
    }

    private static final class Builder extends ResponseBuilder {
        private int status = 200;
        private String type;
        private Object entity;

        @Override public Response build() { return new PlainResponse(status, type, entity); }
        @Override public ResponseBuilder status(int code) { status = code; return this; }
        @Override public ResponseBuilder status(int code, String reason) { status = code; return this; }
        @Override public ResponseBuilder type(String mediaType) { type = mediaType; return this; }
        @Override public ResponseBuilder type(MediaType mediaType) { type = mediaType.toString(); return this; }
        @Override public ResponseBuilder entity(Object value) { entity = value; return this; }
        @Override public ResponseBuilder entity(Object value, Annotation[] annotations) { entity = value; return this; }
        @Override public ResponseBuilder clone() { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder allow(String... methods) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder allow(Set<String> methods) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder cacheControl(CacheControl cacheControl) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder encoding(String encoding) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder header(String name, Object value) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder replaceAll(MultivaluedMap<String, Object> headers) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder language(String language) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder language(Locale language) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder variant(Variant variant) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder contentLocation(URI location) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder cookie(NewCookie... cookies) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder expires(Date expires) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder lastModified(Date lastModified) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder location(URI location) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder tag(EntityTag tag) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder tag(String tag) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder variants(Variant... variants) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder variants(List<Variant> variants) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder links(Link... links) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder link(URI uri, String rel) { throw new UnsupportedOperationException(); }
        @Override public ResponseBuilder link(String uri, String rel) { throw new UnsupportedOperationException(); }
    }
}
