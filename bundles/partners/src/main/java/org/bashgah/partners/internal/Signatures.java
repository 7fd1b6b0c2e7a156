package org.bashgah.partners.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How requests between Bashgah servers are signed: HMAC-SHA256 with the pair's shared secret over
 * {@code METHOD \n path \n timestamp \n nonce \n hex(SHA-256(body))}, sent base64 in {@code X-Bashgah-Signature}
 * with {@code X-Bashgah-Key} (which secret), {@code X-Bashgah-Timestamp} (epoch seconds) and {@code X-Bashgah-Nonce}.
 * Signing the body's hash rather than the body keeps the signed text small and unambiguous.
 */
public final class Signatures {
    public static final String KEY = "X-Bashgah-Key";
    public static final String TIMESTAMP = "X-Bashgah-Timestamp";
    public static final String NONCE = "X-Bashgah-Nonce";
    public static final String SIGNATURE = "X-Bashgah-Signature";

    private Signatures() {
    }

    public static String canonical(String method, String path, long timestamp, String nonce, byte[] body) {
        return method.toUpperCase() + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n"
            + HexFormat.of().formatHex(Hashes.sha256(body == null ? new byte[0] : body));
    }

    public static String sign(String secret, String method, String path, long timestamp, String nonce, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(canonical(method, path, timestamp, nonce, body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Compares in constant time, so the check does not tell an attacker how much of a guess was right. */
    public static boolean matches(String secret, String method, String path, long timestamp, String nonce, byte[] body,
                                  String signature) {
        if (signature == null) return false;
        byte[] expected = sign(secret, method, path, timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
