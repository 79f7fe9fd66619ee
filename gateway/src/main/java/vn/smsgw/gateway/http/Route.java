package vn.smsgw.gateway.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Objects;

/** A method and a path pattern, the scope a token needs for it, and the action that answers requests matching both. */
record Route(HttpMethod method, PathPattern pattern, AdminScope scope, Action action) {

    /** Answers one request; runs on an admin worker thread, so it may block on the store. */
    @FunctionalInterface
    interface Action {
        AdminResponse handle(AdminRequest request) throws Exception;
    }

    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(action, "action");
    }

    /** A GET route for operators only. */
    static Route get(String pattern, Action action) {
        return get(AdminScope.OPERATOR, pattern, action);
    }

    /** A POST route for operators only. */
    static Route post(String pattern, Action action) {
        return post(AdminScope.OPERATOR, pattern, action);
    }

    /** A DELETE route for operators only. */
    static Route delete(String pattern, Action action) {
        return new Route(HttpMethod.DELETE, PathPattern.parse(pattern), AdminScope.OPERATOR, action);
    }

    static Route get(AdminScope scope, String pattern, Action action) {
        return new Route(HttpMethod.GET, PathPattern.parse(pattern), scope, action);
    }

    static Route post(AdminScope scope, String pattern, Action action) {
        return new Route(HttpMethod.POST, PathPattern.parse(pattern), scope, action);
    }
}
