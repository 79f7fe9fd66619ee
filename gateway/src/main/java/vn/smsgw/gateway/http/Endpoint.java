package vn.smsgw.gateway.http;

import java.util.List;

/** One endpoint group of the admin API (health, metrics, reports, ...): the routes it serves. */
interface Endpoint {

    /** The group's routes; a path pattern may appear once per method. */
    List<Route> routes();
}
