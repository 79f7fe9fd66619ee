package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.store.StorageException;

class AdminHandlerTest {

    private static final Endpoint SAMPLE = () -> List.of(
            Route.get("/things", r -> JsonResponses.ok(json -> {
                json.writeStartObject();
                json.writeNumberField("limit", r.intParam("limit", 10, 1, 100));
                json.writeEndObject();
            })),
            Route.post("/things/{id}", r -> JsonResponses.ok(json -> json.writeString(r.pathParam("id")))),
            Route.get("/broken", r -> {
                throw new IllegalStateException("bug");
            }),
            Route.get("/store-down", r -> {
                throw new StorageException("database unavailable");
            }),
            Route.get("/big", r -> new AdminResponse.Streamed(HttpResponseStatus.OK, "text/plain",
                    out -> {
                        for (int i = 0; i < 5000; i++) {
                            out.write(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                        }
                    })),
            Route.get("/half", r -> new AdminResponse.Streamed(HttpResponseStatus.OK, "text/plain",
                    out -> {
                        out.write(new byte[ChunkedBodyStream.PAGE_SIZE * 2]);
                        throw new IOException("store went away");
                    })));

    @Test
    void get_unknownPath_is404WithJsonError() {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(SAMPLE).get("/nothing");

        assertEquals(404, r.status());
        assertEquals("application/json", r.headers().get(HttpHeaderNames.CONTENT_TYPE));
        assertEquals("no such resource", r.json().get("error").asText());
    }

    @Test
    void get_brokenPercentEscape_is400AndTheConnectionGoesOn() {
        EmbeddedAdmin admin = new EmbeddedAdmin(SAMPLE);
        List<EmbeddedAdmin.Response> r = admin.raw(EmbeddedAdmin.request("GET", "/x%zz")
                + EmbeddedAdmin.request("GET", "/nothing"));

        assertEquals(2, r.size(), "the next request on the connection is answered too");
        assertEquals(400, r.get(0).status());
        assertEquals("malformed path", r.get(0).json().get("error").asText());
        assertEquals(404, r.get(1).status());
    }

    @Test
    void get_postOnlyPath_is405WithAllowHeader() {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(SAMPLE).get("/things/7");

        assertEquals(405, r.status());
        assertEquals("POST", r.headers().get(HttpHeaderNames.ALLOW));
    }

    @Test
    void get_knownRoute_answersWithContentLength() {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(SAMPLE).get("/things?limit=42");

        assertEquals(200, r.status());
        assertEquals("{\"limit\":42}", r.body());
        assertEquals("12", r.headers().get(HttpHeaderNames.CONTENT_LENGTH));
    }

    @Test
    void post_pathParameter_isPassedDecoded() {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(SAMPLE).post("/things/a%20b");

        assertEquals("\"a b\"", r.body());
    }

    @Test
    void get_nonNumericParameter_is400NamingTheParameter() {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(SAMPLE).get("/things?limit=ten");

        assertEquals(400, r.status());
        assertEquals("limit", r.json().get("parameter").asText());
        assertEquals("limit must be an integer", r.json().get("error").asText());
    }

    @Test
    void get_parameterOutOfRange_is400WithRange() {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(SAMPLE).get("/things?limit=101");

        assertEquals(400, r.status());
        assertEquals("limit must be between 1 and 100", r.json().get("error").asText());
    }

    @Test
    void get_actionThrows_is500WithoutDetails() {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(SAMPLE).get("/broken");

        assertEquals(500, r.status());
        assertEquals("internal error", r.json().get("error").asText());
    }

    @Test
    void get_storeFails_is503() {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(SAMPLE).get("/store-down");

        assertEquals(503, r.status());
        assertEquals("store unavailable", r.json().get("error").asText());
    }

    @Test
    void get_workersFull_is503() {
        EmbeddedAdmin admin = new EmbeddedAdmin(AdminRoutes.of(List.of(SAMPLE)), task -> {
            throw new RejectedExecutionException("full");
        });

        assertEquals(503, admin.get("/things").status());
    }

    @Test
    void get_streamedResponse_isChunkedAndComplete() {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(SAMPLE).get("/big");

        assertEquals(200, r.status());
        assertTrue(r.body().startsWith("line 0\nline 1\n"));
        assertTrue(r.body().endsWith("line 4999\n"));
        assertEquals(5000, r.body().split("\n").length);
    }

    @Test
    void get_streamedResponseToAnHttp10Client_isNotChunkedAndEndsWithTheConnection() {
        EmbeddedAdmin admin = new EmbeddedAdmin(SAMPLE);

        String out = admin.rawOut("GET /big HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");

        String head = out.substring(0, out.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        String body = out.substring(out.indexOf("\r\n\r\n") + 4);
        assertFalse(head.contains("chunked"), head);
        assertTrue(body.startsWith("line 0\nline 1\n"), "no chunk sizes in the body");
        assertTrue(body.endsWith("line 4999\n"));
        assertEquals(5000, body.split("\n").length);
        assertFalse(admin.server.isOpen(), "the close ends the body");
    }

    @Test
    void get_streamFailsAfterHeaders_closesConnection() {
        EmbeddedAdmin admin = new EmbeddedAdmin(SAMPLE);

        admin.raw(EmbeddedAdmin.request("GET", "/half"));

        assertFalse(admin.server.isOpen());
    }

    @Test
    void get_twoPipelinedRequests_areAnsweredInOrder() {
        EmbeddedAdmin admin = new EmbeddedAdmin(SAMPLE);

        List<EmbeddedAdmin.Response> rs = admin.raw(EmbeddedAdmin.request("GET", "/things?limit=1")
                + EmbeddedAdmin.request("GET", "/big") + EmbeddedAdmin.request("GET", "/things?limit=2"));

        assertEquals(3, rs.size());
        assertEquals("{\"limit\":1}", rs.get(0).body());
        assertTrue(rs.get(1).body().endsWith("line 4999\n"));
        assertEquals("{\"limit\":2}", rs.get(2).body());
        assertTrue(admin.server.isOpen());
    }

    @Test
    void get_morePipelinedRequestsThanKeptWaiting_closesTheConnection() {
        List<Runnable> held = new java.util.ArrayList<>(); // the first request stays in service
        StringBuilder few = new StringBuilder();
        for (int i = 0; i <= AdminHandler.MAX_WAITING; i++) {
            few.append(EmbeddedAdmin.request("GET", "/things"));
        }
        EmbeddedAdmin within = new EmbeddedAdmin(AdminRoutes.of(List.of(SAMPLE)), held::add);
        within.raw(few.toString());
        assertTrue(within.server.isOpen(), "one served and " + AdminHandler.MAX_WAITING + " waiting");

        EmbeddedAdmin over = new EmbeddedAdmin(AdminRoutes.of(List.of(SAMPLE)), held::add);
        over.raw(few + EmbeddedAdmin.request("GET", "/things"));

        assertFalse(over.server.isOpen());
    }

    @Test
    void get_connectionClose_closesAfterResponse() {
        EmbeddedAdmin admin = new EmbeddedAdmin(SAMPLE);

        EmbeddedAdmin.Response r = admin.get("/things", "Connection: close");

        assertEquals(200, r.status());
        assertFalse(admin.server.isOpen());
    }

    @Test
    void get_keepAlive_leavesConnectionOpen() {
        EmbeddedAdmin admin = new EmbeddedAdmin(SAMPLE);

        admin.get("/things");

        assertTrue(admin.server.isOpen());
        assertTrue(admin.server.config().isAutoRead());
    }

    @Test
    void idle_connectionIdle_isClosed() {
        EmbeddedAdmin admin = new EmbeddedAdmin(SAMPLE);

        admin.server.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);

        assertFalse(admin.server.isOpen());
    }

    @Test
    void post_bodyOverLimit_is413() {
        EmbeddedAdmin admin = new EmbeddedAdmin(SAMPLE);

        List<EmbeddedAdmin.Response> rs = admin.raw("POST /things/1 HTTP/1.1\r\nHost: test\r\nContent-Length: "
                + (AdminInitializer.MAX_REQUEST_BYTES + 1) + "\r\n\r\n");

        assertEquals(413, rs.get(0).status());
        assertEquals("request over " + AdminInitializer.MAX_REQUEST_BYTES + " bytes",
                rs.get(0).json().get("error").asText(), "errors are JSON");
        assertFalse(admin.server.isOpen(), "the rest of the body is not read");
    }

    @Test
    void get_malformedRequestLine_is400AndCloses() {
        EmbeddedAdmin admin = new EmbeddedAdmin(SAMPLE);

        List<EmbeddedAdmin.Response> rs = admin.raw("GET /things HTTP/1.1\r\nHost: test\r\nBad header\r\n"
                + "Content-Length: x\r\n\r\n");

        assertEquals(400, rs.get(0).status());
        assertFalse(admin.server.isOpen());
    }
}
