package org.bashgah.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    /** The errors a validation collected, or an empty list when it passed. */
    private static List<FieldError> errorsOf(Validation v) {
        if (v.ok()) return List.of();
        return assertThrows(BashgahException.Invalid.class, v::throwIfInvalid).errors();
    }

    private static List<FieldError> one(String field, String message) {
        return List.of(new FieldError(field, message));
    }

    @Test
    void aTimeZoneIsAnIanaIdNotAnOffsetOrAName() {
        assertTrue(new Validation().timeZone("timeZone", "Asia/Dubai").timeZone("timeZone", null).ok());
        for (String bad : List.of("Mars/Olympus", "+03:30", "GMT+4", "asia/dubai", "")) {
            assertEquals(one("timeZone", "is not a time zone id such as Asia/Tehran"),
                errorsOf(new Validation().timeZone("timeZone", bad)), bad);
        }
    }

    @Test
    void requireRefusesNullAndBlankButNotZero() {
        assertEquals(one("member", "is required"), errorsOf(new Validation().require("member", null)));
        assertEquals(one("member", "is required"), errorsOf(new Validation().require("member", "")));
        assertEquals(one("member", "is required"), errorsOf(new Validation().require("member", "  ")));
        assertTrue(new Validation().require("amount", 0L).ok());
    }

    @Test
    void positiveAcceptsOneUpToTheLargestAmount() {
        assertTrue(new Validation().positive("amount", 1L).ok());
        assertTrue(new Validation().positive("amount", 1_000_000_000_000_000L).ok());
        assertTrue(new Validation().positive("amount", null).ok(), "a missing value is require's business");

        assertEquals(one("amount", "must be positive"), errorsOf(new Validation().positive("amount", 0L)));
        assertEquals(one("amount", "must be positive"), errorsOf(new Validation().positive("amount", -150_000L)));
        assertEquals(one("amount", "must be at most 1000000000000000"),
            errorsOf(new Validation().positive("amount", Validation.MAX_AMOUNT + 1)));
    }

    @Test
    void notNegativeAcceptsZeroUpToTheLargestAmount() {
        assertTrue(new Validation().notNegative("redeem.points", 0L).ok());
        assertTrue(new Validation().notNegative("redeem.points", Validation.MAX_AMOUNT).ok());

        assertEquals(one("redeem.points", "must not be negative"),
            errorsOf(new Validation().notNegative("redeem.points", -1L)));
        assertEquals(one("redeem.points", "must be at most 1000000000000000"),
            errorsOf(new Validation().notNegative("redeem.points", Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tehran-1", "TEHRAN_VANAK.2", "7", "تهران-۱"})
    void codesOfLettersDigitsDotsDashesAndUnderscoresAreAccepted(String code) {
        assertTrue(new Validation().code("code", code).ok());
    }

    @Test
    void aCodeIsAtMostSixtyFourCharacters() {
        assertTrue(new Validation().code("code", "a".repeat(64)).ok());
        assertFalse(new Validation().code("code", "a".repeat(65)).ok());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-tehran", ".tehran", "tehran 1", "tehran/1", "tehran:1", "tehran';--"})
    void codesWithOtherCharactersOrALeadingPunctuationAreRefused(String code) {
        assertEquals(one("code", "must be 1-64 letters, digits, '.', '-' or '_'"),
            errorsOf(new Validation().code("code", code)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"علی رضایی", "نیلوفر\u200c زمانی", "O'Brien", "Tehran Vanak (North)", "Café Nádir & Sons",
        "Shop #12 / Block 3", "Mohammad-Reza Ahmadi Jr.", "20% credit over 600k", "VIP: 5% off + 5% more!"})
    void namesInAnyScriptWithCommonPunctuationAreAccepted(String name) {
        assertTrue(new Validation().name("name", name, 200).ok(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "x'; DROP TABLE core_member; --", "a=b", "\"quoted\"",
        "back\\slash"})
    void namesCarryingMarkupOrStatementPunctuationAreRefused(String name) {
        assertEquals(one("name", "may hold only letters, digits, spaces and . , ' - ( ) & / # % + ! ? :"),
            errorsOf(new Validation().name("name", name, 200)));
    }

    @Test
    void aTooLongNameIsRefusedOnlyForItsLength() {
        assertEquals(one("name", "is longer than 10 characters"),
            errorsOf(new Validation().name("name", "<b>Tehran Vanak</b>", 10)));
    }

    @Test
    void textMayNotHoldControlCharactersOrPassItsLength() {
        assertTrue(new Validation().text("note", "بدون کیسه لطفا", 20).ok());
        assertEquals(one("note", "contains control characters"),
            errorsOf(new Validation().text("note", "line one\nline two", 100)));
        assertEquals(one("note", "is longer than 5 characters"), errorsOf(new Validation().text("note", "123456", 5)));
        assertTrue(new Validation().text("note", null, 5).ok());
    }

    @Test
    void anInvalidRequestIsOne400ProblemListingEveryFieldInOrder() {
        Validation v = new Validation()
            .require("idempotencyKey", null)
            .name("name", "<b>Ali</b>", 100)
            .code("branch", "tehran 1")
            .positive("amount", 0L)
            .check(false, "at", "is in the future");

        BashgahException.Invalid e = assertThrows(BashgahException.Invalid.class, v::throwIfInvalid);

        assertEquals("5 fields are invalid", e.getMessage());
        assertEquals(List.of("idempotencyKey", "name", "branch", "amount", "at"),
            e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aSingleErrorIsSpelledOutInTheDetail() {
        BashgahException.Invalid e = assertThrows(BashgahException.Invalid.class,
            new Validation().positive("amount", -1L)::throwIfInvalid);

        assertEquals("amount: must be positive", e.getMessage());
    }

    @Test
    void aValidRequestThrowsNothing() {
        new Validation().require("member", "+989121234567").code("branch", "tehran-1").positive("amount", 150_000L)
            .name("name", "علی رضایی", 100).throwIfInvalid();
    }
}
