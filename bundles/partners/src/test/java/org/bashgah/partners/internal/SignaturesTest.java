package org.bashgah.partners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    private static final String SECRET = "a-shared-secret-of-more-than-32-characters";
    private static final byte[] BODY = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theCanonicalTextNamesMethodPathTimestampNonceAndTheBodysHash() {
        assertEquals("POST\n/partner-link/v1/messages\n1700000000\nabc\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            Signatures.canonical("post", "/partner-link/v1/messages", 1_700_000_000L, "abc", new byte[0]));
    }

    @Test
    void aSignatureMatchesOnlyTheRequestItWasMadeFor() {
        String sig = Signatures.sign(SECRET, "POST", "/p", 1_700_000_000L, "nonce-1", BODY);
        assertTrue(Signatures.matches(SECRET, "POST", "/p", 1_700_000_000L, "nonce-1", BODY, sig));
        assertFalse(Signatures.matches(SECRET, "POST", "/p", 1_700_000_001L, "nonce-1", BODY, sig));
        assertFalse(Signatures.matches(SECRET, "POST", "/p", 1_700_000_000L, "nonce-2", BODY, sig));
        assertFalse(Signatures.matches(SECRET, "POST", "/q", 1_700_000_000L, "nonce-1", BODY, sig));
        assertFalse(Signatures.matches(SECRET, "PUT", "/p", 1_700_000_000L, "nonce-1", BODY, sig));
        assertFalse(Signatures.matches(SECRET, "POST", "/p", 1_700_000_000L, "nonce-1",
            "{\"type\":\"pong\"}".getBytes(StandardCharsets.UTF_8), sig));
        assertFalse(Signatures.matches(SECRET + "x", "POST", "/p", 1_700_000_000L, "nonce-1", BODY, sig));
        assertFalse(Signatures.matches(SECRET, "POST", "/p", 1_700_000_000L, "nonce-1", BODY, null));
    }

    @Test
    void theSignatureIsStandardHmacSha256InBase64() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String canonical = Signatures.canonical("GET", "/", 1, "n", new byte[0]);
        assertEquals(java.util.Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8))),
            Signatures.sign("key", "GET", "/", 1, "n", new byte[0]));
    }
}
