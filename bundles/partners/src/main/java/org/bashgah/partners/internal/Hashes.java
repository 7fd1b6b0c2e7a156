package org.bashgah.partners.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** SHA-256 helpers: phone hashes, pseudonymous member references, random salts and seeds. */
public final class Hashes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Hashes() {
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code bytes} random bytes as hex. */
    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * How a partner sees a member: {@code m-} and 16 hex digits of SHA-256(salt:organisation:member). The same
     * member has the same reference everywhere under one salt (an agreement, a lottery), and it cannot be turned
     * back into the member without the salt, which never leaves the server.
     */
    public static String memberRef(String salt, String organisationId, String memberId) {
        return "m-" + sha256Hex(salt + ":" + organisationId + ":" + memberId).substring(0, 16);
    }
}
