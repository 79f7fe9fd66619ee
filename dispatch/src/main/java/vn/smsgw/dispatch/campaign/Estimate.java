package vn.smsgw.dispatch.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.smsgw.parser.text.SmsEncoding;
import vn.smsgw.parser.text.SmsLength;

/**
 * What a campaign costs before it is sent: recipients, the encoding its mode picks, characters, segments per SMS,
 * total SMS and how long sending takes at its TPS cap inside its window, with the same figures for every other mode
 * that can carry the text, so that the cheaper choice is obvious.
 *
 * @param characters characters of the text as sent (code points)
 * @param sending    time at the TPS cap with the window open
 * @param finishes   when the last SMS goes out if started at the estimate's time, waiting for the window
 * @param options    one line per encoding mode that can carry the text, the campaign's own mode first
 */
public record Estimate(long recipients, EncodingMode mode, SmsEncoding encoding, int characters, int segments,
                       long totalSms, int tps, Duration sending, Instant finishes, List<Option> options) {

    /** The cost of the text in one mode. */
    public record Option(EncodingMode mode, SmsEncoding encoding, int segments, long totalSms, Duration sending) {
        /** Checks for nulls. */
        public Option {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(encoding, "encoding");
            Objects.requireNonNull(sending, "sending");
        }
    }

    /** Checks for nulls and copies the options. */
    public Estimate {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(sending, "sending");
        Objects.requireNonNull(finishes, "finishes");
        options = List.copyOf(options);
    }

    /** The estimate of {@code spec} to {@code recipients}, started at {@code from} (or its start time if later). */
    public static Estimate of(CampaignSpec spec, long recipients, Instant from) {
        SmsLength own = spec.mode().length(spec.text());
        List<Option> options = new ArrayList<>();
        options.add(option(spec.mode(), own, recipients, spec.tps()));
        for (EncodingMode m : EncodingMode.values()) {
            if (m == spec.mode()) {
                continue;
            }
            try {
                SmsLength l = m.length(spec.text());
                boolean same = options.stream().anyMatch(o -> o.encoding() == l.encoding()
                        && o.segments() == l.segments());
                if (!same) {
                    options.add(option(m, l, recipients, spec.tps()));
                }
            } catch (IllegalArgumentException cannotCarry) {
                // this mode cannot carry the text (e.g. symbols outside GSM-7 even when unaccented)
            }
        }
        Option first = options.get(0);
        Instant start = spec.startAt().isAfter(from) ? spec.startAt() : from;
        String sent = spec.body();
        return new Estimate(recipients, spec.mode(), own.encoding(), sent.codePointCount(0, sent.length()),
                own.segments(), first.totalSms(), spec.tps(), first.sending(),
                spec.window().finish(start, first.sending()), options);
    }

    private static Option option(EncodingMode mode, SmsLength length, long recipients, int tps) {
        long total = recipients * length.segments();
        return new Option(mode, length.encoding(), length.segments(), total,
                Duration.ofMillis((long) Math.ceil(total * 1000.0 / tps)));
    }

    /** The cheapest option in total SMS. */
    public Option cheapest() {
        return options.stream().min(java.util.Comparator.comparingLong(Option::totalSms)).orElseThrow();
    }
}
