package vn.smsgw.gateway.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.smsgw.dispatch.campaign.AudienceFilter;
import vn.smsgw.dispatch.campaign.Campaign;
import vn.smsgw.dispatch.campaign.CampaignAction;
import vn.smsgw.dispatch.campaign.CampaignSpec;
import vn.smsgw.dispatch.campaign.Campaigns;
import vn.smsgw.dispatch.campaign.Creation;
import vn.smsgw.dispatch.campaign.EncodingMode;
import vn.smsgw.dispatch.campaign.Estimate;
import vn.smsgw.dispatch.campaign.ImportReport;
import vn.smsgw.dispatch.campaign.RecipientCounts;
import vn.smsgw.dispatch.campaign.RecipientState;
import vn.smsgw.dispatch.campaign.SendingWindow;
import vn.smsgw.dispatch.campaign.SubscriberType;
import vn.smsgw.dispatch.campaign.Transition;

/**
 * Awareness campaigns. {@code GET /api/campaigns}: every campaign with its counts. {@code GET /api/campaigns/{id}}:
 * one campaign, its counts by recipient state and how many were sent twice. {@code GET /api/campaigns/{id}/estimate}:
 * recipients, encoding, characters, segments, total SMS, duration, and the same for every other encoding.
 * {@code POST /api/campaigns?name=&text=&sender=&audience=<server path>&encoding=&tps=&window=&validityMinutes=&start=
 * &province=&type=}: creates a draft and imports its audience (201 with the import report and the estimate).
 * {@code POST /api/campaigns/{id}/start|pause|resume|cancel}: 200 with the new state, 409 when the state does not
 * allow it, 404 for an unknown campaign.
 */
final class CampaignsEndpoint implements Endpoint {

    /*
     * The admin server keeps no request body, so create takes query parameters and reads the audience from a file
     * on the gateway's host (the API is bound to the admin interface, like the CLI that does the same).
     */

    private final Campaigns campaigns;

    CampaignsEndpoint(Campaigns campaigns) {
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get(AdminScope.CAMPAIGNS, "/api/campaigns", r -> list()),
                Route.post(AdminScope.CAMPAIGNS, "/api/campaigns", this::create),
                Route.get(AdminScope.CAMPAIGNS, "/api/campaigns/{id}", r -> withCampaign(r, k -> one(k))),
                Route.get(AdminScope.CAMPAIGNS, "/api/campaigns/{id}/estimate", r -> withCampaign(r, this::estimate)),
                Route.post(AdminScope.CAMPAIGNS, "/api/campaigns/{id}/start", r -> act(r, CampaignAction.START)),
                Route.post(AdminScope.CAMPAIGNS, "/api/campaigns/{id}/pause", r -> act(r, CampaignAction.PAUSE)),
                Route.post(AdminScope.CAMPAIGNS, "/api/campaigns/{id}/resume", r -> act(r, CampaignAction.RESUME)),
                Route.post(AdminScope.CAMPAIGNS, "/api/campaigns/{id}/cancel", r -> act(r, CampaignAction.CANCEL)));
    }

    @FunctionalInterface
    private interface OnCampaign {
        AdminResponse answer(Campaign k) throws IOException;
    }

    private AdminResponse withCampaign(AdminRequest r, OnCampaign action) throws IOException {
        Optional<Campaign> k = campaigns.find(r.pathParam("id"));
        if (k.isEmpty()) {
            return JsonResponses.error(HttpResponseStatus.NOT_FOUND, "no campaign " + r.pathParam("id"));
        }
        return action.answer(k.get());
    }

    private AdminResponse list() {
        List<Campaign> all = campaigns.list();
        return JsonResponses.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("campaigns");
            for (Campaign k : all) {
                writeCampaign(json, k, campaigns.counts(k.id()));
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private AdminResponse one(Campaign k) {
        RecipientCounts c = campaigns.counts(k.id());
        return JsonResponses.ok(json -> writeCampaign(json, k, c));
    }

    private AdminResponse estimate(Campaign k) {
        Estimate e = campaigns.estimate(k);
        return JsonResponses.ok(json -> {
            json.writeStartObject();
            json.writeNumberField("id", k.id());
            writeEstimate(json, e);
            json.writeEndObject();
        });
    }

    private AdminResponse act(AdminRequest r, CampaignAction action) {
        Transition t = campaigns.apply(r.pathParam("id"), action);
        if (t instanceof Transition.Moved m) {
            return JsonResponses.ok(json -> {
                json.writeStartObject();
                json.writeStringField("campaign", r.pathParam("id"));
                json.writeStringField("from", lower(m.from().name()));
                json.writeStringField("state", lower(m.to().name()));
                json.writeEndObject();
            });
        }
        if (t instanceof Transition.Refused refused) {
            return JsonResponses.error(HttpResponseStatus.CONFLICT, refused.reason());
        }
        return JsonResponses.error(HttpResponseStatus.NOT_FOUND, "no campaign " + r.pathParam("id"));
    }

    private AdminResponse create(AdminRequest r) throws IOException {
        CampaignSpec spec = spec(r);
        Set<SubscriberType> types = parsed(r, "type", "", AudienceFilter::parseTypes);
        AudienceFilter filter;
        try {
            filter = new AudienceFilter(r.param("province").orElse(""), types);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("province", e.getMessage());
        }
        Path audience;
        try {
            audience = Path.of(required(r, "audience"));
        } catch (InvalidPathException e) {
            throw new BadParameterException("audience", "not a file path: " + e.getMessage());
        }
        // a directory or a device (say /dev/zero, read without end) is not an audience
        if (!Files.isRegularFile(audience) || !Files.isReadable(audience)) {
            throw new BadParameterException("audience", "cannot read the audience file " + audience);
        }
        Creation created;
        // bytes that are not UTF-8 (a name column in another encoding) become U+FFFD, as in smsgw campaign create:
        // a row whose number they spoil is rejected and reported, the others are imported
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(audience),
                StandardCharsets.UTF_8), 1 << 16)) {
            created = campaigns.createWithAudience(spec, in, filter, rows -> { });
        } catch (IOException e) {
            throw new BadParameterException("audience", "cannot read the audience file " + audience + ": "
                    + e.getMessage() + "; no campaign was created");
        }
        if (created instanceof Creation.NameTaken taken) {
            return JsonResponses.error(HttpResponseStatus.CONFLICT, taken.reason());
        }
        if (created instanceof Creation.AudienceRefused refused) {
            throw new BadParameterException("audience", "cannot import the audience file " + audience + ": "
                    + refused.reason());
        }
        Campaign k = ((Creation.Created) created).campaign();
        ImportReport report = ((Creation.Created) created).report();
        Estimate e = campaigns.estimate(k);
        return JsonResponses.of(HttpResponseStatus.CREATED, json -> {
            json.writeStartObject();
            json.writeNumberField("id", k.id());
            json.writeStringField("state", lower(k.state().name()));
            json.writeObjectFieldStart("import");
            json.writeNumberField("rows", report.rows());
            json.writeNumberField("added", report.added());
            json.writeNumberField("duplicates", report.duplicates());
            json.writeNumberField("filtered", report.filtered());
            json.writeNumberField("rejected", report.rejected());
            json.writeArrayFieldStart("rejects");
            for (ImportReport.Reject j : report.rejects().subList(0, Math.min(100, report.rejects().size()))) {
                json.writeStartObject();
                json.writeNumberField("line", j.line());
                json.writeStringField("reason", j.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            writeEstimate(json, e);
            json.writeEndObject();
        });
    }

    /** The campaign's settings from the query, each bad value reported under its own parameter's name. */
    private static CampaignSpec spec(AdminRequest r) {
        EncodingMode encoding = parsed(r, "encoding", "auto", EncodingMode::parse);
        SendingWindow window = parsed(r, "window", "07:00-21:00", SendingWindow::parse);
        Instant start = parsed(r, "start", "", CampaignSpec::parseStart);
        String name = required(r, "name");
        String text = required(r, "text");
        String sender = required(r, "sender");
        int tps = r.intParam("tps", 100, 1, 100_000);
        Duration validity = Duration.ofMinutes(r.longParam("validityMinutes", 24 * 60, 1, 30L * 24 * 60));
        int maxAttempts = r.intParam("maxAttempts", 3, 1, 10);
        try {
            return new CampaignSpec(name, text, encoding, sender, window, tps, validity, start, maxAttempts);
        } catch (IllegalArgumentException e) {
            // CampaignSpec's messages start with the setting they refuse: name, text, sender, tps, validity, ...
            String setting = e.getMessage().split("[ :]", 2)[0];
            String parameter = switch (setting) {
                case "name", "text", "sender", "tps", "maxAttempts" -> setting;
                case "validity" -> "validityMinutes";
                case "startAt" -> "start";
                default -> "campaign";
            };
            throw new BadParameterException(parameter, e.getMessage());
        }
    }

    /** A query parameter read by {@code parse}, {@code dflt} when absent; a refusal names the parameter. */
    private static <T> T parsed(AdminRequest r, String name, String dflt, Function<String, T> parse) {
        String value = r.param(name).orElse(dflt);
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new BadParameterException(name, "bad " + name + " '" + value + "': " + e.getMessage());
        }
    }

    private static String required(AdminRequest r, String name) {
        return r.param(name).filter(s -> !s.isBlank())
                .orElseThrow(() -> new BadParameterException(name, name + " is required"));
    }

    private static void writeCampaign(JsonGenerator json, Campaign k, RecipientCounts c) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", k.id());
        json.writeStringField("name", k.name());
        json.writeStringField("state", lower(k.state().name()));
        json.writeStringField("sender", k.spec().sender());
        json.writeStringField("encoding", lower(k.spec().mode().name()));
        json.writeNumberField("tps", k.spec().tps());
        json.writeStringField("window", k.spec().window().toString());
        json.writeStringField("createdAt", k.createdAt().toString());
        if (!k.spec().startAt().equals(Instant.EPOCH)) {
            json.writeStringField("startAt", k.spec().startAt().toString()); // the earliest start it was given
        }
        if (!k.startedAt().equals(Instant.EPOCH)) {
            json.writeStringField("startedAt", k.startedAt().toString());
            json.writeStringField("expiresAt", k.expiresAt().toString());
        }
        json.writeNumberField("recipients", c.total());
        json.writeObjectFieldStart("counts");
        for (RecipientState s : RecipientState.values()) {
            json.writeNumberField(lower(s.name()), c.count(s));
        }
        json.writeEndObject();
        json.writeNumberField("sentTwice", c.resent());
        json.writeEndObject();
    }

    private static void writeEstimate(JsonGenerator json, Estimate e) throws IOException {
        json.writeObjectFieldStart("estimate");
        json.writeNumberField("recipients", e.recipients());
        json.writeStringField("encoding", e.encoding().name());
        json.writeNumberField("characters", e.characters());
        json.writeNumberField("segments", e.segments());
        json.writeNumberField("totalSms", e.totalSms());
        json.writeNumberField("tps", e.tps());
        json.writeNumberField("sendingSeconds", e.sending().toSeconds());
        json.writeStringField("finishes", e.finishes().toString());
        json.writeArrayFieldStart("options");
        for (Estimate.Option o : e.options()) {
            json.writeStartObject();
            json.writeStringField("mode", lower(o.mode().name()));
            json.writeStringField("encoding", o.encoding().name());
            json.writeNumberField("segments", o.segments());
            json.writeNumberField("totalSms", o.totalSms());
            json.writeNumberField("sendingSeconds", o.sending().toSeconds());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
