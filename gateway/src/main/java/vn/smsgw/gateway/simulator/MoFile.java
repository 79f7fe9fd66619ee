package vn.smsgw.gateway.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads MO from a UTF-8 text file, one message per line. A line is either the bare text, sent from a distinct
 * reporter {@code 849000000NN} (numbered from 1 by line) to the default short code, or
 * {@code reporter<TAB>shortcode<TAB>text}. Empty lines are skipped; the two characters {@code \n} in a text stand
 * for a newline.
 */
public final class MoFile {

    private MoFile() {
    }

    /** The messages of the file, in file order. */
    public static List<MoMessage> read(Path file, String defaultShortCode) throws IOException {
        List<MoMessage> messages = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            messages.add(parseLine(line, lineNumber, defaultShortCode, file));
        }
        return messages;
    }

    private static MoMessage parseLine(String line, int lineNumber, String defaultShortCode, Path file) {
        String[] fields = line.split("\t", 3);
        try {
            if (fields.length == 3) {
                return new MoMessage(fields[0].strip(), fields[1].strip(), unescape(fields[2]));
            }
            return new MoMessage(String.format("849%08d", lineNumber), defaultShortCode, unescape(line));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }
}
