package vn.smsgw.parser.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The 134 accented Vietnamese letters, generated from base vowels, vowel modifiers and tones, with their plain letter. */
final class VietnameseLetters {

    /** One accented letter (precomposed, NFC) and the ASCII letter it folds to. */
    record Letter(String precomposed, String plain) {

        String decomposed() {
            return Normalizer.normalize(precomposed, Normalizer.Form.NFD);
        }
    }

    private static final String[][] VOWELS = {
        {"a", ""}, {"a", "\u0306"}, {"a", "\u0302"}, {"e", ""}, {"e", "\u0302"}, {"i", ""},
        {"o", ""}, {"o", "\u0302"}, {"o", "\u031B"}, {"u", ""}, {"u", "\u031B"}, {"y", ""},
    };
    private static final String[] TONES = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};

    private VietnameseLetters() {
    }

    /** All 134: 12 vowels x 6 tones minus the 6 plain vowels, plus đ, in lower and upper case. */
    static List<Letter> all() {
        List<Letter> letters = new ArrayList<>();
        for (String[] vowel : VOWELS) {
            for (String tone : TONES) {
                if (vowel[1].isEmpty() && tone.isEmpty()) {
                    continue;
                }
                String letter = Normalizer.normalize(vowel[0] + vowel[1] + tone, Normalizer.Form.NFC);
                letters.add(new Letter(letter, vowel[0]));
                letters.add(new Letter(letter.toUpperCase(Locale.ROOT), vowel[0].toUpperCase(Locale.ROOT)));
            }
        }
        letters.add(new Letter("đ", "d"));
        letters.add(new Letter("Đ", "D"));
        return letters;
    }
}
