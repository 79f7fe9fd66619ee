package vn.smsgw.parser.report;

import java.util.Optional;
import vn.smsgw.parser.text.VietnameseFolding;

/**
 * The command (domain reference §8 step 3): the leading run of letters, folded, must be {@code s}, {@code v} or
 * {@code ld}. Stateless and thread-safe.
 */
final class CommandWord {

    /*
     * The run is made of letters (any script, code point by code point) and of the combining marks that follow
     * them, since folding removes those marks: "LĐ", "lđ" and a decomposed "Ḷ" + "D" all read as LD. The usual
     * ASCII commands are decided without allocating; a run with a non-ASCII char is folded with VietnameseFolding,
     * unless it has more than two letters besides marks, in which case it cannot fold to a command.
     */

    private static final Optional<Command> S = Optional.of(Command.S);
    private static final Optional<Command> V = Optional.of(Command.V);
    private static final Optional<Command> LD = Optional.of(Command.LD);

    private CommandWord() {
    }

    /** The end of the run of letters (and the combining marks after them) that starts at {@code from}. */
    static int end(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (!Separators.isAsciiLetter(c)) {
                    break;
                }
                i++;
            } else {
                int codePoint = s.codePointAt(i);
                if (!Character.isLetter(codePoint) && (i == from || !isMark(codePoint))) {
                    break;
                }
                i += Character.charCount(codePoint);
            }
        }
        return i;
    }

    /** The command that the run {@code s[from, end)} folds to, or empty. */
    static Optional<Command> command(String s, int from, int end) {
        int length = end - from;
        if (length == 1) {
            char c = s.charAt(from);
            if (c == 's' || c == 'S') {
                return S;
            }
            if (c == 'v' || c == 'V') {
                return V;
            }
        } else if (length == 2 && (s.charAt(from) | 0x20) == 'l' && (s.charAt(from + 1) | 0x20) == 'd') {
            return LD;
        }
        if (length == 0 || isAscii(s, from, end) || lettersBesideMarks(s, from, end) > 2) {
            return Optional.empty();
        }
        return Command.fromKeyword(VietnameseFolding.foldLower(s.substring(from, end)));
    }

    private static boolean isAscii(String s, int from, int end) {
        for (int i = from; i < end; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int lettersBesideMarks(String s, int from, int end) {
        int letters = 0;
        for (int i = from; i < end && letters <= 2; ) {
            int codePoint = s.codePointAt(i);
            if (!isMark(codePoint)) {
                letters++;
            }
            i += Character.charCount(codePoint);
        }
        return letters;
    }

    private static boolean isMark(int codePoint) {
        return Character.getType(codePoint) == Character.NON_SPACING_MARK;
    }
}
