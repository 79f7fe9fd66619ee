package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.blocklist.BlocklistExport;
import vn.smsgw.dispatch.blocklist.BlocklistStores;

class BlocklistEndpointTest {

    private static EmbeddedAdmin admin() {
        return new EmbeddedAdmin(new BlocklistEndpoint(new BlocklistExport(BlocklistStores.inMemory())));
    }

    @Test
    void blocklist_noFormat_isJsonArray() {
        EmbeddedAdmin.Response r = admin().get("/api/blocklist/VIETTEL");

        assertEquals(200, r.status());
        assertEquals("application/json", r.headers().get(HttpHeaderNames.CONTENT_TYPE));
        assertEquals("[]", r.body());
    }

    @Test
    void blocklist_formatCsv_isCsvWithHeader() {
        EmbeddedAdmin.Response r = admin().get("/api/blocklist/VIETTEL?format=csv");

        assertEquals("text/csv; charset=utf-8", r.headers().get(HttpHeaderNames.CONTENT_TYPE));
        assertEquals(BlocklistExport.CSV_HEADER + "\n", r.body());
    }

    @Test
    void blocklist_acceptCsv_isCsv() {
        EmbeddedAdmin.Response r = admin().get("/api/blocklist/SENDER", "Accept: text/html, text/csv;q=0.9");

        assertEquals(BlocklistExport.CSV_HEADER + "\n", r.body());
    }

    @Test
    void blocklist_formatJsonOverAcceptCsv_isJson() {
        EmbeddedAdmin.Response r = admin().get("/api/blocklist/SENDER?format=json", "Accept: text/csv");

        assertEquals("[]", r.body());
    }

    @Test
    void blocklist_lowercaseName_isServed() {
        assertEquals(200, admin().get("/api/blocklist/mobifone").status());
    }

    @Test
    void blocklist_unknownList_is404() {
        EmbeddedAdmin.Response r = admin().get("/api/blocklist/BLACKLIST");

        assertEquals(404, r.status());
        assertEquals("no blocklist named BLACKLIST", r.json().get("error").asText());
    }

    @Test
    void blocklist_unknownFormat_is400() {
        EmbeddedAdmin.Response r = admin().get("/api/blocklist/VIETTEL?format=xml");

        assertEquals(400, r.status());
        assertEquals("format", r.json().get("parameter").asText());
    }

    @Test
    void changes_noEvents_isEmptyWithNextAfter() {
        EmbeddedAdmin.Response r = admin().get("/api/blocklist/VIETTEL/changes?after=5");

        assertEquals("{\"events\":[],\"next\":5}", r.body());
    }

    @Test
    void changes_limitOverMaximum_is400() {
        EmbeddedAdmin.Response r = admin().get("/api/blocklist/VIETTEL/changes?limit=10001");

        assertEquals(400, r.status());
        assertEquals("limit", r.json().get("parameter").asText());
    }

    @Test
    void changes_unknownList_is404() {
        assertEquals(404, admin().get("/api/blocklist/NOPE/changes").status());
    }
}
