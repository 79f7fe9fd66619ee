package vn.smsgw.parser.report;

import java.util.Optional;

/**
 * Parses a 156/5656 message with the forgiving grammar of domain reference §8. Never throws, whatever the input.
 * Immutable and thread-safe.
 */
public final class ReportParser {

    /*
     * The grammar of domain reference §8, implemented completely, in one left-to-right pass over the pre-normalised
     * text, by index and without regular expressions:
     *
     *   PreNormaliser   step 1: blanks, invisible chars, fullwidth digits, collapse, trim, NFC (only when needed)
     *   Fillers         step 2 leading filler; step 5 source filler; the trailing filler of step 6d
     *   CommandWord     step 3: the leading run of letters, folded, is s, v or ld
     *   SourceScanner   steps 4 and 6: separators, then number groups, bracketed source, sender token (S) or
     *   NumberGroups,     later number (V, LD); NumberPlan (step 7) decides what is a valid number
     *   Brandnames,
     *   LaterNumber
     *   ContentCleaner  step 8
     *
     * Where the contract leaves a case open, the reading a subscriber would expect was chosen:
     *   - Every Unicode blank is a space, not only those listed; the invisible chars removed are listed in
     *     PreNormaliser.
     *   - A message that is only a leading filler ("Bao cao") has no command: UNKNOWN_COMMAND, not EMPTY_MESSAGE.
     *   - Combining marks after a letter belong to the command run, since folding removes them.
     *   - A number group that ends in ")" may be followed directly by the next one: "(028)3823 4567".
     *   - For S, one to four digits glued to a letter start a sender ("8x77", "7ELEVEN"); other digits glued to
     *     letters are a malformed number ("0912xxx678"); a short code glued to a letter is never accepted.
     *   - An unclosed "[" or "(" before the source is ignored.
     *   - A bracketed sender follows the token rules, with inner spaces allowed and counted in the 11 chars.
     *   - Source fillers may follow one another ("tu so dien thoai 09..."); still only skipped before a number.
     *   - For V and LD, the text after a later number loses its leading separators and is joined to the text before
     *     it with one space; the step 8 cleanup then applies to the joined content.
     *   - A null message is read as an empty one.
     */

    /** Parses one message (the decoded SMS text, concatenated parts already joined); null is an empty message. */
    public ParseResult parse(CharSequence text) {
        if (text == null) {
            return Outcomes.EMPTY;
        }
        String s = PreNormaliser.normalise(text);
        if (s.isEmpty()) {
            return Outcomes.EMPTY;
        }
        int start = Fillers.skipLeading(s);
        int end = CommandWord.end(s, start);
        Optional<Command> command = CommandWord.command(s, start, end);
        if (command.isEmpty()) {
            return Outcomes.UNKNOWN;
        }
        return SourceScanner.scan(s, end, command.get());
    }
}
