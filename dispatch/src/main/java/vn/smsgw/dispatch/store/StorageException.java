package vn.smsgw.dispatch.store;

/** The store failed (I/O, constraint, connection): a temporary condition for callers, never a success. */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
