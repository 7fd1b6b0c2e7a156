package org.bashgah.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final String PASSWORD = "Sepid-Rood 1403";

    @Test
    void theRightPasswordMatchesItsHashAndAWrongOneDoesNot() {
        String hash = Secrets.hashPassword(PASSWORD);

        assertTrue(Secrets.passwordMatches(PASSWORD, hash));
        assertFalse(Secrets.passwordMatches("sepid-rood 1403", hash));
        assertFalse(Secrets.passwordMatches("", hash));
    }

    @Test
    void aPasswordIsHashedWithBcryptCostTenAndAFreshSalt() {
        String hash = Secrets.hashPassword(PASSWORD);

        assertTrue(hash.startsWith("$2b$10$"), hash);
        assertEquals(60, hash.length());
        assertNotEquals(hash, Secrets.hashPassword(PASSWORD));
    }

    @Test
    void aPersianPasswordMatches() {
        assertTrue(Secrets.passwordMatches("رمز عبور ۱۴۰۳", Secrets.hashPassword("رمز عبور ۱۴۰۳")));
    }

    @Test
    void aMalformedHashIsNoMatchRatherThanAnError() {
        String hash = Secrets.hashPassword(PASSWORD);

        assertFalse(Secrets.passwordMatches(PASSWORD, null));
        assertFalse(Secrets.passwordMatches(PASSWORD, "not-a-hash"));
        assertFalse(Secrets.passwordMatches(PASSWORD, hash.replace("$2b$", "$2c$")), "unknown version");
        assertFalse(Secrets.passwordMatches(PASSWORD, hash.replace("$10$", "$99$")), "cost out of range");
        assertFalse(Secrets.passwordMatches(PASSWORD, hash.replace("$10$", "$xx$")), "cost not a number");
        assertFalse(Secrets.passwordMatches(PASSWORD, "$2b$10$" + "!".repeat(53)), "salt not base64");
    }

    @Test
    void aNewSecretIsItsPrefixAnd256RandomBitsInUrlSafeBase64() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String secret = Secrets.newSecret("bgk_");
            assertTrue(secret.matches("bgk_[A-Za-z0-9_-]{43}"), secret);
            secrets.add(secret);
        }
        assertEquals(1_000, secrets.size());
    }

    @Test
    void sha256OfAbcIsTheWellKnownDigest() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256("abc"));
    }

    @Test
    void aNewPasswordHasTwentyCharactersAndNoLookAlikes() {
        for (int i = 0; i < 500; i++) {
            String password = Secrets.newPassword();
            assertEquals(20, password.length(), password);
            assertTrue(password.matches("[a-zA-Z2-9]+"), password);
            assertTrue(password.chars().noneMatch(c -> "0O1lI".indexOf(c) >= 0), password);
        }
    }
}
