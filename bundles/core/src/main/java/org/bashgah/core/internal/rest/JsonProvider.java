package org.bashgah.core.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * JSON for every Bashgah resource (they select it by name, {@value #NAME}). Strict on purpose: unknown
 * fields, a number where text belongs, a fraction where an integer belongs, and bodies over
 * {@value #MAX_BODY_BYTES} bytes are refused with a 4xx problem that names the field.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName(JsonProvider.NAME)
@JaxrsMediaType({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    public static final String NAME = "bashgah.json";
    /** Resources add this to their service properties to use this provider. */
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    static final ObjectMapper MAPPER = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(TextOnlyTimes.MODULE)
        .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(32).maxNumberLength(40).maxStringLength(MAX_BODY_BYTES).build());
        // strings are never coerced from numbers or booleans: "name": 5 is an error, not "5"
        var textual = MAPPER.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual);
        for (var shape : new com.fasterxml.jackson.databind.cfg.CoercionInputShape[] {
            com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
            com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
            com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean}) {
            textual.setCoercion(shape, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        }
    }

    /** The mapper every core component uses, configured as above. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type != String.class && isJson(mediaType);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        try {
            Object value = MAPPER.readerFor(MAPPER.constructType(genericType)).readValue(new Limited(body));
            if (value == null) throw ProblemException.invalid("body", "must be a JSON object, not null");
            return value;
        } catch (TooLarge e) {
            throw new ProblemException(Problem.of(413, "too-large", "Request body too large",
                "the body is larger than " + MAX_BODY_BYTES + " bytes", null));
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(fieldOf(e), messageOf(e));
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type != String.class && isJson(mediaType);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        MAPPER.writeValue(new NonClosing(out), value);
    }

    private static boolean isJson(MediaType mediaType) {
        return mediaType != null && mediaType.getSubtype().endsWith("json");
    }

    static String fieldOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) return "body";
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) path.append('.');
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    static String messageOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) return "is not a known field";
        if (e instanceof InvalidFormatException f) {
            return "has the wrong type or format (expected " + f.getTargetType().getSimpleName() + ")";
        }
        if (e instanceof MismatchedInputException m) {
            if (m.getMessage() != null && m.getMessage().startsWith("No content")) return "the request body is empty";
            Class<?> target = m.getTargetType();
            return "has the wrong type" + (target == null ? "" : " (expected " + describe(target) + ")");
        }
        if (e instanceof com.fasterxml.jackson.core.exc.InputCoercionException
                || e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
            return "is out of range";
        }
        if (e instanceof JsonMappingException && e.getCause() instanceof IllegalArgumentException iae) {
            return iae.getMessage();
        }
        return "is not valid JSON: " + e.getOriginalMessage();
    }

    private static String describe(Class<?> target) {
        if (target == long.class || target == Long.class || target == int.class || target == Integer.class) {
            return "an integer";
        }
        if (target == String.class) return "text";
        if (target == boolean.class || target == Boolean.class) return "true or false";
        if (java.util.Collection.class.isAssignableFrom(target)) return "a list";
        return "an object";
    }

    /**
     * Dates and times only as ISO-8601 text: Jackson's own reading would take {@code "asOf": 12345} as
     * seconds since 1970, which is never what a till meant.
     */
    private static final class TextOnlyTimes<T> extends com.fasterxml.jackson.databind.deser.std.StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        static final com.fasterxml.jackson.databind.module.SimpleModule MODULE =
            new com.fasterxml.jackson.databind.module.SimpleModule("bashgah-text-only-times")
                .addDeserializer(java.time.OffsetDateTime.class, new TextOnlyTimes<>(java.time.OffsetDateTime.class,
                    com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.OFFSET_DATE_TIME))
                .addDeserializer(java.time.Instant.class, new TextOnlyTimes<>(java.time.Instant.class,
                    com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.INSTANT))
                .addDeserializer(java.time.LocalDate.class, new TextOnlyTimes<>(java.time.LocalDate.class,
                    com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer.INSTANCE));

        private final com.fasterxml.jackson.databind.JsonDeserializer<? extends T> text;

        private TextOnlyTimes(Class<T> type, com.fasterxml.jackson.databind.JsonDeserializer<? extends T> text) {
            super(type);
            this.text = text;
        }

        @Override
        public T deserialize(com.fasterxml.jackson.core.JsonParser p,
                             com.fasterxml.jackson.databind.DeserializationContext context) throws IOException {
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), p);
            }
            return text.deserialize(p, context);
        }
    }

    /** Thrown when a body passes {@link #MAX_BODY_BYTES}. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Counts what is read and stops at the limit, so a huge body is never held in memory. */
    private static final class Limited extends FilterInputStream {
        private long count;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > MAX_BODY_BYTES) throw new TooLarge();
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (count += n) > MAX_BODY_BYTES) throw new TooLarge();
            return n;
        }
    }

    /** Jackson closes what it writes to; the container owns the response stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
