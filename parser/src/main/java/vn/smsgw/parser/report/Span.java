package vn.smsgw.parser.report;

/** A read-only view of {@code text[start, end)}, handed to the numbering plan without copying. Immutable. */
final class Span implements CharSequence {

    private final String text;
    private final int start;
    private final int end;

    /** A view of {@code text[start, end)}; the bounds must lie within {@code text} with {@code start <= end}. */
    Span(String text, int start, int end) {
        if (start < 0 || start > end || end > text.length()) {
            throw new IndexOutOfBoundsException("span [" + start + ", " + end + ") of " + text.length());
        }
        this.text = text;
        this.start = start;
        this.end = end;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= end - start) {
            throw new IndexOutOfBoundsException(index);
        }
        return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new Span(text, start + from, start + to);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}
