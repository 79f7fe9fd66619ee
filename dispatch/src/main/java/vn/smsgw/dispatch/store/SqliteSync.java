package vn.smsgw.dispatch.store;

/**
 * SQLite's {@code synchronous} setting in WAL mode, i.e. what a returned commit survives.
 *
 * <ul>
 *   <li>{@link #FULL} (default): no commit is reported done before an fsync of the WAL that began after it (made by
 *       {@link WalSync}'s thread, one for all the commits since the last); a commit survives {@code kill -9} of the
 *       JVM, an OS crash and a power loss.</li>
 *   <li>{@link #NORMAL}: the WAL is fsynced only at checkpoints; a commit survives {@code kill -9} of the JVM (the
 *       OS holds the written pages) but the last commits may be lost on an OS crash or power loss.</li>
 * </ul>
 */
public enum SqliteSync {
    FULL,
    NORMAL
}
