package vn.smsgw.dispatch.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorFileTest {
    @TempDir
    Path dir;

    @Test
    void read_headerCommentsBlankLinesAndQuotes_keepsDataRowsWithLineNumbers() throws Exception {
        Path f = dir.resolve("f.csv");
        Files.writeString(f, "\uFEFFnumber,note\n# comment\n\n\"+84981234567\",\"Bank, hotline\"\n113\n");

        List<OperatorFile.Row> rows = OperatorFile.read(f);

        assertEquals(List.of(new OperatorFile.Row(4, "+84981234567", "Bank, hotline"),
                new OperatorFile.Row(5, "113", "")), rows);
    }

    @Test
    void read_firstRowWithDigits_isData() throws Exception {
        Path f = dir.resolve("f.csv");
        Files.writeString(f, "0981234567,VIETTEL\n");

        assertEquals(List.of(new OperatorFile.Row(1, "0981234567", "VIETTEL")), OperatorFile.read(f));
    }

    @Test
    void read_firstRowBrandname_isDataNotHeader() throws Exception {
        Path f = dir.resolve("f.csv");
        Files.writeString(f, "Vietcombank,bank\nVCB,bank\n");

        assertEquals(List.of(new OperatorFile.Row(1, "Vietcombank", "bank"), new OperatorFile.Row(2, "VCB", "bank")),
                OperatorFile.read(f));
    }

    @Test
    void read_headerNamesInAnyCase_areHeaders() throws Exception {
        for (String header : List.of("MSISDN,carrier", "Brandname,note", "So dien thoai,ghi chu", "source")) {
            Path f = dir.resolve("h.csv");
            Files.writeString(f, header + "\n113\n");

            assertEquals(List.of(new OperatorFile.Row(2, "113", "")), OperatorFile.read(f), header);
        }
    }
}
