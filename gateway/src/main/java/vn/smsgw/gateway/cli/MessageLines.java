package vn.smsgw.gateway.cli;

import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The messages of a line-oriented UTF-8 input, read one at a time: one message per line, lines ended by LF, one
 * trailing CR removed from each line (so CRLF files work), and every two-character sequence {@code \n} (backslash,
 * {@code n}) turned into a newline. Bytes that are not valid UTF-8 become U+FFFD. A last line without a line
 * break is a message; a line break at the end of the input does not start another one. Not thread-safe.
 */
final class MessageLines {

    /*
     * Memory is bounded by the longest line, never by the input. BufferedReader is not used because it also ends
     * lines at a lone CR, which would split one message into two.
     *
     * Before each read that may block, the output is flushed if the input has nothing ready: a file or a busy pipe
     * is processed in large output chunks, while someone typing lines sees each answer at once.
     */

    private static final int CHUNK = 8192;

    private final Reader reader;
    private final Flushable beforeWait;
    private final char[] buffer = new char[CHUNK];
    private final StringBuilder pending = new StringBuilder();
    private int position;
    private int limit;

    MessageLines(Reader reader, Flushable beforeWait) {
        this.reader = reader;
        this.beforeWait = beforeWait;
    }

    /** Messages of {@code in} decoded as UTF-8; {@code beforeWait} is flushed whenever reading would wait. */
    static MessageLines utf8(InputStream in, Flushable beforeWait) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new MessageLines(new InputStreamReader(in, decoder), beforeWait);
    }

    /** The next message, or null at the end of the input. */
    String next() throws IOException {
        pending.setLength(0);
        boolean started = false;
        while (true) {
            if (position == limit) {
                if (!fill()) {
                    return started ? message(pending.toString()) : null;
                }
            }
            started = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (position < limit) {
                String line = pending.length() == 0
                        ? new String(buffer, start, position - start)
                        : pending.append(buffer, start, position - start).toString();
                position++;
                return message(line);
            }
            pending.append(buffer, start, position - start);
        }
    }

    /** {@code text} with every backslash followed by {@code n} replaced by a newline. */
    static String unescapeNewlines(String text) {
        int escape = text.indexOf("\\n");
        if (escape < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int from = 0;
        while (escape >= 0) {
            b.append(text, from, escape).append('\n');
            from = escape + 2;
            escape = text.indexOf("\\n", from);
        }
        return b.append(text, from, text.length()).toString();
    }

    private static String message(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line = line.substring(0, end - 1);
        }
        return unescapeNewlines(line);
    }

    private boolean fill() throws IOException {
        if (!reader.ready()) {
            beforeWait.flush();
        }
        int n;
        do {
            n = reader.read(buffer);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
