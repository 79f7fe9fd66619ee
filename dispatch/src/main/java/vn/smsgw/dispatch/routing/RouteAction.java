package vn.smsgw.dispatch.routing;

/** What a report leads to, besides being stored and answered. */
public enum RouteAction {
    /** Open a police case (through the police outbox). */
    POLICE_CASE,
    /** Count a vote on the blocklist of the source (carrier list for numbers, SENDER list for brandnames/short codes). */
    BLOCKLIST_COUNT
}
