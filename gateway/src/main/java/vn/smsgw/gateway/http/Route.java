package vn.smsgw.gateway.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Objects;

/** A method and a path pattern, and the action that answers requests matching both. */
record Route(HttpMethod method, PathPattern pattern, Action action) {

    /** Answers one request; runs on an admin worker thread, so it may block on the store. */
    @FunctionalInterface
    interface Action {
        AdminResponse handle(AdminRequest request) throws Exception;
    }

    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(action, "action");
    }

    static Route get(String pattern, Action action) {
        return new Route(HttpMethod.GET, PathPattern.parse(pattern), action);
    }

    static Route post(String pattern, Action action) {
        return new Route(HttpMethod.POST, PathPattern.parse(pattern), action);
    }

    static Route delete(String pattern, Action action) {
        return new Route(HttpMethod.DELETE, PathPattern.parse(pattern), action);
    }
}
