package vn.smsgw.dispatch.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/** Databases at the schema version before a migration, for upgrade tests outside this package. */
public final class OldSchema {

    private OldSchema() {
    }

    /** Applies on {@code c} every migration that comes before {@code script} (such as {@code V20__x.sql}). */
    public static void before(Connection c, Dialect dialect, String script) throws SQLException, IOException {
        int index = Migrations.SCRIPTS.indexOf(script);
        if (index < 0) {
            throw new IllegalArgumentException("no such migration: " + script);
        }
        new Migrations(dialect).apply(c, index);
    }
}
