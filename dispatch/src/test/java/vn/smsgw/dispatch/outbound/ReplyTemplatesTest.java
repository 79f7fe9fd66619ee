package vn.smsgw.dispatch.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.smsgw.parser.text.SmsEncoding;
import vn.smsgw.parser.text.SmsLength;

class ReplyTemplatesTest {

    @Test
    void defaults_filledWithLongestValues_fitOneGsmSms() {
        ReplyTemplates t = ReplyTemplates.defaults();
        for (String tpl : new String[] {t.ack(), t.help(), t.invalidNumber(), t.invalidSender(), t.quota()}) {
            SmsLength len = SmsLength.of(ReplyTemplates.fill(tpl, "XXXXXXXX", "+123456789012345", "5656", 9999));
            assertEquals(SmsEncoding.GSM7, len.encoding());
            assertEquals(1, len.segments(), tpl);
        }
    }

    @Test
    void fill_ack_containsCaseIdAndNumber() {
        String body = ReplyTemplates.fill(ReplyTemplates.defaults().ack(), "K7M2QX9D", "+84912345678", "156", 30);
        assertTrue(body.contains("K7M2QX9D"));
        assertTrue(body.contains("+84912345678"));
    }

    @Test
    void new_accentedTemplate_isRejected() {
        ReplyTemplates d = ReplyTemplates.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReplyTemplates("Đã tiếp nhận {ID}", d.help(), d.invalidNumber(), d.invalidSender(), d.quota()));
        assertTrue(e.getMessage().contains("ack"));
    }

    @Test
    void new_tooLongTemplate_isRejected() {
        ReplyTemplates d = ReplyTemplates.defaults();
        assertThrows(IllegalArgumentException.class,
                () -> new ReplyTemplates(d.ack(), "x".repeat(150) + "{SOURCE}", d.invalidNumber(), d.invalidSender(),
                        d.quota()));
    }

    @Test
    void new_templateWithAMisspeltPlaceholder_isRejectedNamingIt() {
        ReplyTemplates d = ReplyTemplates.defaults();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReplyTemplates("Da tiep nhan phan anh {CASE}.", d.help(), d.invalidNumber(),
                        d.invalidSender(), d.quota()));

        assertTrue(e.getMessage().contains("reply template ack has an unknown placeholder {CASE}"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReplyTemplates("Ma {Id}", d.help(),
                d.invalidNumber(), d.invalidSender(), d.quota()), "placeholders are upper case");
    }
}
