package org.bashgah.core.internal.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** However a cashier types a member's phone, it must find the one member stored as +989121234567. */
class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "09121234567",
        "+989121234567",
        "989121234567", // libphonenumber takes a leading 98 as Iran's country code when the rest is a valid number
        "00989121234567",
        "0912 123 4567",
        "0912-123-4567",
        "+98 912 123 4567",
        "۰۹۱۲۱۲۳۴۵۶۷", // Persian digits
        "٠٩١٢١٢٣٤٥٦٧", // Arabic-Indic digits
    })
    void everyWayOfWritingAnIranianMobileNamesTheSameMember(String typed) {
        assertEquals(Optional.of("+989121234567"), PhoneNumbers.normalise(typed, "IR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+447911123456", "00447911123456"})
    void aUkMobileKeepsItsOwnCountryCode(String typed) {
        assertEquals(Optional.of("+447911123456"), PhoneNumbers.normalise(typed, "IR"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "   ",
        "abc",
        "123",
        "0912123456", // one digit short
        "091212345678", // one digit too many
        "09121234567091212345670912123456709121234567000000", // 50 characters
        "0912'; DROP TABLE",
    })
    void garbageIsNoNumber(String typed) {
        assertEquals(Optional.empty(), PhoneNumbers.normalise(typed, "IR"));
    }

    @Test
    void aRememberedNumberIsRememberedForItsRegionOnly() {
        assertEquals(Optional.of("+447911123456"), PhoneNumbers.normalise("07911123456", "GB"));
        assertEquals(Optional.empty(), PhoneNumbers.normalise("07911123456", "IR"));
        assertEquals(Optional.of("+447911123456"), PhoneNumbers.normalise("07911123456", "GB"));
    }

    @Test
    void numbersBeyondWhatIsRememberedAreStillRight() {
        for (int i = 0; i < 25_000; i++) {
            String national = "0912" + (1_000_000 + i);
            assertEquals(Optional.of("+98912" + (1_000_000 + i)), PhoneNumbers.normalise(national, "IR"), national);
        }
    }
}
