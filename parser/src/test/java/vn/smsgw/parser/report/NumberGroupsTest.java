package vn.smsgw.parser.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.smsgw.parser.number.SourceType;

class NumberGroupsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0912", "+84", "(028)", "(+84)", "9"})
    void startsGroup_groupStart_isTrue(String text) {
        assertTrue(NumberGroups.startsGroup(text, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "(", "+", "(+", "( 09", "+(84)", "[09", "-09", "x09", "++84"})
    void startsGroup_otherText_isFalse(String text) {
        assertFalse(NumberGroups.startsGroup(text, 0));
    }

    @Test
    void startsNumber_bracketOpeningOnGroup_isTrue() {
        assertTrue(NumberGroups.startsNumber("[0912]", 0));
        assertTrue(NumberGroups.startsNumber("( +84 912)", 0));
        assertFalse(NumberGroups.startsNumber("[  0912]", 0));
        assertFalse(NumberGroups.startsNumber("[VCB]", 0));
    }

    @ParameterizedTest
    @CsvSource({"8x77,true", "7ELEVEN,true", "1900abc,true", "0912abc,false", "12345abc,false", "12 abc,false",
        "123,false", "x12,false"})
    void startsWord_digitsGluedToLetter_isTrueForOneToFourDigits(String text, boolean expected) {
        assertEquals(expected, NumberGroups.startsWord(text, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0912345678 x|10", "0912.345.678.|13", "0912-345|8", "(028)3823|5",
        "(+84)|5", "+84 912|3", "0912abc|4", "(0912 345)|5"})
    void groupEnd_group_endsAfterDigitsDotsDashesAndOneParen(String text, int expected) {
        assertEquals(expected, NumberGroups.groupEnd(text, 0, NumberGroups.MAX_DIGITS));
    }

    @Test
    void groupEnd_moreDigitsThanAllowed_isMinusOne() {
        assertEquals(-1, NumberGroups.groupEnd("123456789012345678", 0, NumberGroups.MAX_DIGITS));
        assertEquals(-1, NumberGroups.groupEnd("1234", 0, 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0912345678 30 cuoc goi|10", "0912 345 678 lua dao|12",
        "(028)3823 4567 quang cao|14", "(+84)912345678|14", "0912345678 0987654321|10",
        "(0912345678)(0987654321)|12", "+84 0912 345 678|16"})
    void longestValid_groups_endAtLongestValidRun(String text, int end) {
        assertEquals(end, NumberGroups.longestValid(text, 0, false).orElseThrow().end());
    }

    @Test
    void longestValid_shortCodes_onlyForSingleGroupWhenAllowed() {
        assertEquals(SourceType.SHORT_CODE, NumberGroups.longestValid("9029 x", 0, true).orElseThrow().source().type());
        assertEquals(Optional.empty(), NumberGroups.longestValid("9029 x", 0, false));
        assertEquals(4, NumberGroups.longestValid("9029 30", 0, true).orElseThrow().end());
    }

    @Test
    void longestValid_shortCodeGluedToLetter_isEmpty() {
        assertEquals(Optional.empty(), NumberGroups.longestValid("123456abc", 0, true));
    }

    @Test
    void longestValid_noValidRun_isEmpty() {
        assertEquals(Optional.empty(), NumberGroups.longestValid("0912 345 67", 0, false));
        assertEquals(Optional.empty(), NumberGroups.longestValid("12345678901234567890", 0, false));
        assertEquals(Optional.empty(), NumberGroups.longestValid("abc", 0, false));
    }
}
