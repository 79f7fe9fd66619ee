package vn.smsgw.parser.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandWordTest {

    @ParameterizedTest
    @CsvSource({"S,S", "s,S", "V,V", "v,V", "LD,LD", "ld,LD", "Ld,LD", "lD,LD", "LĐ,LD", "lđ,LD", "LÐ,LD",
        "Ś,S", "Ṿ,V", "L\u0323Đ,LD"})
    void command_commandWord_isRecognised(String word, Command expected) {
        assertEquals(Optional.of(expected), CommandWord.command(word, 0, CommandWord.end(word, 0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Spam", "Vay", "SVIETTEL", "LDD", "L", "D", "đ", "sv", "x", "中", "Số", "LĐĐ"})
    void command_otherWord_isEmpty(String word) {
        assertEquals(Optional.empty(), CommandWord.command(word, 0, CommandWord.end(word, 0)));
    }

    @Test
    void command_emptyRun_isEmpty() {
        assertEquals(Optional.empty(), CommandWord.command("0912", 0, CommandWord.end("0912", 0)));
    }

    @Test
    void end_runStopsAtFirstNonLetter() {
        assertEquals(1, CommandWord.end("S0912", 0));
        assertEquals(1, CommandWord.end("V(0812)", 0));
        assertEquals(2, CommandWord.end("LD:09", 0));
        assertEquals(1, CommandWord.end("L D", 0));
    }

    @Test
    void end_marksAfterLetters_belongToRun() {
        assertEquals(4, CommandWord.end("L\u0323\u0301D 09", 0));
    }

    @Test
    void end_markFirst_isEmptyRun() {
        assertEquals(0, CommandWord.end("\u0301S", 0));
    }

    @Test
    void end_supplementaryLetters_areWholeCodePoints() {
        assertEquals(4, CommandWord.end("\uD835\uDC00\uD835\uDC01 x", 0));
        assertEquals(0, CommandWord.end("\uD800S", 0));
    }

    @Test
    void command_manyMarksOnTwoLetters_stillFolds() {
        String word = "L\u0301\u0302\u0303\u0309D\u0323\u0323";
        assertEquals(Optional.of(Command.LD), CommandWord.command(word, 0, CommandWord.end(word, 0)));
    }
}
