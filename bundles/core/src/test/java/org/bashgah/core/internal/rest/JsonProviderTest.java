package org.bashgah.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import org.bashgah.core.internal.purchase.PurchaseRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The body of {@code POST /purchases} read the way the JAX-RS runtime reads it, strictly. */
class JsonProviderTest {

    @BeforeAll
    static void jaxRsRuntime() {
        PlainRuntimeDelegate.install();
    }

    @SuppressWarnings("unchecked")
    private static PurchaseRequest read(String body) throws IOException {
        Class<Object> type = (Class<Object>) (Class<?>) PurchaseRequest.class;
        return (PurchaseRequest) new JsonProvider().readFrom(type, PurchaseRequest.class, new Annotation[0],
            MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(),
            new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Problem problemOf(String body) {
        ProblemException e = assertThrows(ProblemException.class, () -> read(body));
        Problem problem = (Problem) e.getResponse().getEntity();
        assertEquals(e.getResponse().getStatus(), problem.status());
        return problem;
    }

    /** Asserts a 400 naming one field, and returns why. */
    private static String refusalOf(String body, String field) {
        Problem problem = problemOf(body);
        assertEquals(400, problem.status());
        assertEquals(1, problem.errors().size());
        assertEquals(field, problem.errors().get(0).field());
        return problem.errors().get(0).message();
    }

    @Test
    void aValidPurchaseIsReadWithItsTimeAndOffsetKept() throws IOException {
        PurchaseRequest request = read("""
            {"idempotencyKey": "pos-7-000123", "member": "+989121234567", "branch": "tehran-1",
             "at": "2025-03-01T10:15:30+03:30", "amount": 1500000,
             "lines": [{"productGroup": "shoes", "amount": 1500000}], "redeem": {"points": 200}}
            """);

        assertEquals(new PurchaseRequest("pos-7-000123", "+989121234567", "tehran-1",
            OffsetDateTime.of(2025, 3, 1, 10, 15, 30, 0, ZoneOffset.ofHoursMinutes(3, 30)), 1_500_000L,
            List.of(new PurchaseRequest.Line("shoes", 1_500_000L)), new PurchaseRequest.Redeem(null, null, 200L)),
            request);
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        assertEquals("is not a known field", refusalOf("{\"member\": \"m1\", \"colour\": \"red\"}", "colour"));
    }

    @Test
    void anAmountWrittenAsTextIsRefused() {
        assertEquals("has the wrong type (expected an integer)", refusalOf("{\"amount\": \"100\"}", "amount"));
    }

    @Test
    void aFractionalAmountIsRefused() {
        refusalOf("{\"amount\": 1.5}", "amount");
        refusalOf("{\"amount\": 1e3}", "amount");
    }

    @Test
    void anAmountBeyondALongIsOutOfRange() {
        assertEquals("is out of range", refusalOf("{\"amount\": 99999999999999999999}", "amount"));
        assertEquals("is out of range", refusalOf("{\"amount\": 9223372036854775808}", "amount"));
    }

    @Test
    void aNumberOrBooleanIsNeverTakenAsText() {
        refusalOf("{\"member\": 5}", "member");
        refusalOf("{\"member\": 1.5}", "member");
        refusalOf("{\"member\": true}", "member");
    }

    @Test
    void aBadLineIsNamedByItsPath() {
        refusalOf("{\"lines\": [{\"productGroup\": \"shoes\", \"amount\": 1.5}]}", "lines[0].amount");
        refusalOf("{\"lines\": [{\"productGroup\": \"shoes\", \"amount\": 1}, {\"productGroup\": \"bags\", "
            + "\"amount\": \"a\"}]}", "lines[1].amount");
        refusalOf("{\"redeem\": {\"points\": \"200\"}}", "redeem.points");
        assertEquals("has the wrong type (expected a list)", refusalOf("{\"lines\": 5}", "lines"));
    }

    @Test
    void aTimeThatIsNoTimeIsRefused() {
        refusalOf("{\"at\": \"yesterday\"}", "at");
    }

    @Test
    void aTimeWrittenAsANumberIsRefusedNotTakenAsSecondsSince1970() {
        refusalOf("{\"at\": 12345}", "at");
        refusalOf("{\"at\": 1.5}", "at");
    }

    @Test
    void aBodyOfNullIsRefused() {
        assertEquals("must be a JSON object, not null", refusalOf("null", "body"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertEquals("the request body is empty", refusalOf("", "body"));
        assertEquals("the request body is empty", refusalOf("  \n", "body"));
    }

    @Test
    void brokenJsonOrAListOrTrailingContentIsRefused() {
        refusalOf("{\"amount\": 1", "body");
        refusalOf("[]", "body");
        refusalOf("{\"amount\": 1} {}", "body");
    }

    @Test
    void aBodyOfExactlyOneMebibyteIsRead() throws IOException {
        String start = "{\"member\": \"m1\"";
        String body = start + " ".repeat(JsonProvider.MAX_BODY_BYTES - start.length() - 1) + "}";

        assertEquals("m1", read(body).member());
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String start = "{\"member\": \"m1\"";
        String body = start + " ".repeat(JsonProvider.MAX_BODY_BYTES - start.length()) + "}";

        Problem problem = problemOf(body);
        assertEquals(413, problem.status());
        assertEquals("urn:bashgah:problem:too-large", problem.type());
    }
}
