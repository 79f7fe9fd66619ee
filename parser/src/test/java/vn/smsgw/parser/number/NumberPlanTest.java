package vn.smsgw.parser.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberPlanTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            0912345678
            0912 345 678
            0912.345.678
            0912-345-678
            (0912) 345-678
            ' 0912 345 678 '
            84912345678
            84 912 345 678
            (84) 912.345.678
            +84912345678
            +84 912 345 678
            +84-912-345-678
            (+84) 912 345 678
            (+84)912345678
            +84 0912 345 678
            (+84) 0912 345 678
            +84 (0) 912 345 678
            0084912345678
            00 84 912 345 678
            0084 0912 345 678
            840912345678
            912345678
            912 345 678
            +0912345678
            +0084 912 345 678
            """)
    void reported_everyInputForm_normalisesToE164(String typed) {
        assertReported(typed, false, "+84912345678", SourceType.MOBILE, Carrier.VINAPHONE);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0861234567 | +84861234567 | VIETTEL
            0961234567 | +84961234567 | VIETTEL
            0971234567 | +84971234567 | VIETTEL
            0981234567 | +84981234567 | VIETTEL
            0321234567 | +84321234567 | VIETTEL
            0331234567 | +84331234567 | VIETTEL
            0341234567 | +84341234567 | VIETTEL
            0351234567 | +84351234567 | VIETTEL
            0361234567 | +84361234567 | VIETTEL
            0371234567 | +84371234567 | VIETTEL
            0381234567 | +84381234567 | VIETTEL
            0391234567 | +84391234567 | VIETTEL
            0881234567 | +84881234567 | VINAPHONE
            0911234567 | +84911234567 | VINAPHONE
            0941234567 | +84941234567 | VINAPHONE
            0811234567 | +84811234567 | VINAPHONE
            0821234567 | +84821234567 | VINAPHONE
            0831234567 | +84831234567 | VINAPHONE
            0841234567 | +84841234567 | VINAPHONE
            0851234567 | +84851234567 | VINAPHONE
            0896123456 | +84896123456 | MOBIFONE
            0897123456 | +84897123456 | MOBIFONE
            0898123456 | +84898123456 | MOBIFONE
            0899123456 | +84899123456 | MOBIFONE
            0901234567 | +84901234567 | MOBIFONE
            0931234567 | +84931234567 | MOBIFONE
            0701234567 | +84701234567 | MOBIFONE
            0761234567 | +84761234567 | MOBIFONE
            0771234567 | +84771234567 | MOBIFONE
            0781234567 | +84781234567 | MOBIFONE
            0791234567 | +84791234567 | MOBIFONE
            0301234567 | +84301234567 | MOBIFONE
            0511234567 | +84511234567 | MOBIFONE
            0921234567 | +84921234567 | VIETNAMOBILE
            0561234567 | +84561234567 | VIETNAMOBILE
            0581234567 | +84581234567 | VIETNAMOBILE
            0522123456 | +84522123456 | VIETNAMOBILE
            0523123456 | +84523123456 | VIETNAMOBILE
            0528123456 | +84528123456 | VIETNAMOBILE
            0993123456 | +84993123456 | GMOBILE
            0994123456 | +84994123456 | GMOBILE
            0995123456 | +84995123456 | GMOBILE
            0996123456 | +84996123456 | GMOBILE
            0997123456 | +84997123456 | GMOBILE
            0591234567 | +84591234567 | GMOBILE
            0871234567 | +84871234567 | ITEL
            0998123456 | +84998123456 | ITEL
            0999123456 | +84999123456 | ITEL
            0559123456 | +84559123456 | REDDI
            0311234567 | +84311234567 | UNKNOWN
            0951234567 | +84951234567 | UNKNOWN
            0990123456 | +84990123456 | UNKNOWN
            0991123456 | +84991123456 | UNKNOWN
            """)
    void reported_networkPrefix_isMobileOfAllocatedCarrier(String typed, String e164, Carrier carrier) {
        assertReported(typed, false, e164, SourceType.MOBILE, carrier);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0120 123 4567 | +84701234567 | MOBIFONE
            0121 123 4567 | +84791234567 | MOBIFONE
            0122 123 4567 | +84771234567 | MOBIFONE
            0126 123 4567 | +84761234567 | MOBIFONE
            0128 123 4567 | +84781234567 | MOBIFONE
            0123 123 4567 | +84831234567 | VINAPHONE
            0124 123 4567 | +84841234567 | VINAPHONE
            0125 123 4567 | +84851234567 | VINAPHONE
            0127 123 4567 | +84811234567 | VINAPHONE
            0129 123 4567 | +84821234567 | VINAPHONE
            0162 123 4567 | +84321234567 | VIETTEL
            0163 123 4567 | +84331234567 | VIETTEL
            0164 123 4567 | +84341234567 | VIETTEL
            0165 123 4567 | +84351234567 | VIETTEL
            0166 123 4567 | +84361234567 | VIETTEL
            0167 123 4567 | +84371234567 | VIETTEL
            0168 123 4567 | +84381234567 | VIETTEL
            0169 123 4567 | +84391234567 | VIETTEL
            0186 123 4567 | +84561234567 | VIETNAMOBILE
            0188 123 4567 | +84581234567 | VIETNAMOBILE
            0199 123 4567 | +84591234567 | GMOBILE
            0123.4567890  | +84834567890 | VINAPHONE
            +84 123 456 7890 | +84834567890 | VINAPHONE
            +84 0123 456 7890 | +84834567890 | VINAPHONE
            84 1234567890 | +84834567890 | VINAPHONE
            0084 1234567890 | +84834567890 | VINAPHONE
            01210123456 | +84790123456 | MOBIFONE
            """)
    void reported_elevenDigitPre2018Mobile_isConvertedKeepingLastSevenDigits(String typed, String e164,
            Carrier carrier) {
        assertReported(typed, false, e164, SourceType.MOBILE, carrier);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0160 123 456 | +84160123456 | VIETTEL
            0160999999   | +84160999999 | VIETTEL
            +84 160 123 456 | +84160123456 | VIETTEL
            0121 012 345 | +84121012345 | MOBIFONE
            0121 112 345 | +84121112345 | MOBIFONE
            0121 212 345 | +84121212345 | MOBIFONE
            0121 312 345 | +84121312345 | MOBIFONE
            84 121 312 345 | +84121312345 | MOBIFONE
            """)
    void reported_tenDigit2026Range_isMobileAsTyped(String typed, String e164, Carrier carrier) {
        assertReported(typed, false, e164, SourceType.MOBILE, carrier);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            024 3825 1234     | +842438251234
            028 3823 4567     | +842838234567
            (028) 3823 4567   | +842838234567
            024.3825.1234     | +842438251234
            +84 24 3825 1234  | +842438251234
            +84 024 3825 1234 | +842438251234
            84 28 3823 4567   | +842838234567
            0084 28 3823 4567 | +842838234567
            0203 3825 123     | +842033825123
            0207 3822 123     | +842073822123
            0210 3846 123     | +842103846123
            0211 3862 123     | +842113862123
            0219 3866 123     | +842193866123
            0225 3842 123     | +842253842123
            0236 3822 123     | +842363822123
            0238 3844 123     | +842383844123
            0251 3822 123     | +842513822123
            0258 3822 123     | +842583822123
            0263 3822 123     | +842633822123
            0269 3822 123     | +842693822123
            0274 3822 123     | +842743822123
            0290 3822 123     | +842903822123
            0292 3822 123     | +842923822123
            0299 3822 123     | +842993822123
            """)
    void reported_post2017Landline_isFixedWithoutCarrier(String typed, String e164) {
        assertReported(typed, false, e164, SourceType.FIXED, Carrier.UNKNOWN);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            08 3823 4567 | +84838234567 | VINAPHONE
            031 3842 123 | +84313842123 | UNKNOWN
            """)
    void reported_pre2017LandlineInMobileRange_readsAsMobile(String typed, String e164, Carrier carrier) {
        assertReported(typed, false, e164, SourceType.MOBILE, carrier);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1800 1234      | 18001234
            1800 12345     | 180012345
            1800 123 456   | 1800123456
            18001091       | 18001091
            1900 1234      | 19001234
            1900.12345     | 190012345
            1900-123-456   | 1900123456
            (1900) 6789    | 19006789
            """)
    void reported_serviceNumber_keepsNationalDigits(String typed, String value) {
        assertReported(typed, false, value, SourceType.SERVICE, Carrier.UNKNOWN);
        assertReported(typed, true, value, SourceType.SERVICE, Carrier.UNKNOWN);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            156    | 156
            5656   | 5656
            9029   | 9029
            113    | 113
            114    | 114
            115    | 115
            1414   | 1414
            199    | 199
            198    | 198
            9000   | 9000
            8077   | 8077
            123456 | 123456
            1800   | 1800
            (9029) | 9029
            """)
    void reported_shortCodeAllowed_keepsDigits(String typed, String value) {
        assertReported(typed, true, value, SourceType.SHORT_CODE, Carrier.UNKNOWN);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            156
            5656
            9029
            113
            123456
            """)
    void reported_shortCodeNotAllowed_isInvalid(String typed) {
        assertInvalid(typed, false);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +1 202 555 0123       | +12025550123
            +1 (202) 555-0123     | +12025550123
            001 202 555 0123      | +12025550123
            +86 138 0013 8000     | +8613800138000
            0086 138 0013 8000    | +8613800138000
            +44 20 7946 0958      | +442079460958
            0044 20 7946 0958     | +442079460958
            +0044 20 7946 0958    | +442079460958
            +855 12 345 678       | +85512345678
            +65 6123 4567         | +6561234567
            +82 1234 56           | +82123456
            +123 456 789 012 345  | +123456789012345
            """)
    void reported_otherCountryCode_isInternationalWithPlus(String typed, String e164) {
        assertReported(typed, false, e164, SourceType.INTERNATIONAL, Carrier.UNKNOWN);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            04 3825 1234
            04 38251234
            061 3822 123
            064 3852 123
            0511 3822 123
            0200 3822 123
            0217 3822 123
            0223 3822 123
            0240 1234 567
            0253 3822 123
            0264 3822 123
            0278 3822 123
            0295 3822 123
            024 3825 123
            024 3825 12345
            0890 123 456
            0891 123 456
            0892 123 456
            0893 123 456
            0894 123 456
            0895 123 456
            0550 123 456
            0551 123 456
            0552 123 456
            0553 123 456
            0554 123 456
            0555 123 456
            0556 123 456
            0557 123 456
            0558 123 456
            0521 123 456
            0501 234 567
            0531 234 567
            0672 123 456
            0992 123 456
            0121 412 345
            0161 123 456
            0111 234 567
            0401 234 567
            0601 234 567
            0160 123 4567
            0161 123 4567
            0130 123 4567
            09123456XX
            09123456**
            0912 345 67
            091234567
            09123456789
            091234567890
            3825 1234
            382 5123
            8412345678
            849123456789
            84 0 0912345678
            +84 00 912 345 678
            +84 12345
            +84 0890 123 456
            +84 1900 1234
            +84 4 3825 1234
            0084 0550 123 456
            +1 234 567
            +1 234 567 890 123 456
            001 234 567 890 123 456
            000 84 912 345 678
            +
            0
            00
            ++84912345678
            0912+345678
            0912/345/678
            09l2345678
            0912_345_678
            1800 123
            1900 1234 567
            1700 1234
            01900 1234
            012345678901234567890
            ''
            ' '
            """)
    void reported_invalidNumber_isEmpty(String typed) {
        assertInvalid(typed, false);
        assertInvalid(typed, true);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            0156
            015
            0113
            12
            1234567
            +156
            +0156
            """)
    void reported_notAShortCodeEvenWhenAllowed_isInvalid(String typed) {
        assertInvalid(typed, true);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            84912345678        | +84912345678   | MOBILE        | VINAPHONE
            0912345678         | +84912345678   | MOBILE        | VINAPHONE
            +84912345678       | +84912345678   | MOBILE        | VINAPHONE
            0084912345678      | +84912345678   | MOBILE        | VINAPHONE
            912345678          | +84912345678   | MOBILE        | VINAPHONE
            840912345678       | +84912345678   | MOBILE        | VINAPHONE
            01201234567        | +84701234567   | MOBILE        | MOBIFONE
            0160123456         | +84160123456   | MOBILE        | VIETTEL
            842438251234       | +842438251234  | FIXED         | UNKNOWN
            02838234567        | +842838234567  | FIXED         | UNKNOWN
            +12025550123       | +12025550123   | INTERNATIONAL | UNKNOWN
            008613800138000    | +8613800138000 | INTERNATIONAL | UNKNOWN
            """)
    void subscriber_addressForm_isNormalisedMsisdn(String address, String e164, SourceType type, Carrier carrier) {
        assertEquals(Optional.of(new Msisdn(e164, type, carrier)), NumberPlan.subscriber(address));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            19001234
            1800123456
            156
            9029
            5656
            0890123456
            04 3825 1234
            84
            ''
            """)
    void subscriber_notASubscriberNumber_isEmpty(String address) {
        assertEquals(Optional.empty(), NumberPlan.subscriber(address));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            912345678  | VINAPHONE
            961234567  | VIETTEL
            160123456  | VIETTEL
            121012345  | MOBIFONE
            121312345  | MOBIFONE
            301234567  | MOBIFONE
            511234567  | MOBIFONE
            896123456  | MOBIFONE
            522123456  | VIETNAMOBILE
            993123456  | GMOBILE
            871234567  | ITEL
            999123456  | ITEL
            559123456  | REDDI
            311234567  | UNKNOWN
            121412345  | UNKNOWN
            890123456  | UNKNOWN
            552123456  | UNKNOWN
            0912345678 | UNKNOWN
            91234567   | UNKNOWN
            91234567X  | UNKNOWN
            ''         | UNKNOWN
            """)
    void allocation_nineDigitNsn_isCarrierOfValidMobileRange(String nsn, Carrier carrier) {
        assertEquals(carrier, NumberPlan.allocation(nsn));
    }

    private static void assertReported(String typed, boolean allowShortCode, String value, SourceType type,
            Carrier carrier) {
        assertEquals(Optional.of(new Source(value, type, carrier)), NumberPlan.reported(typed, allowShortCode),
                () -> "typed " + typed);
    }

    private static void assertInvalid(String typed, boolean allowShortCode) {
        Optional<Source> reported = NumberPlan.reported(typed, allowShortCode);
        assertTrue(reported.isEmpty(), () -> "typed " + typed + " gave " + reported);
    }
}
