package org.bashgah.credit.internal.engagement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Idempotency keys for points paid for an act: the cause, hashed, so a key stays within the ledger's 100
 * characters whatever the length of a client's reference.
 */
final class Keys {
    private Keys() {
    }

    /** {@code prefix:} and the SHA-256 of the parts; 64 + the prefix characters. */
    static String of(String prefix, String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return prefix + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
