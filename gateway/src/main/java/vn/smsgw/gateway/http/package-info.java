/**
 * The admin HTTP server on Netty: health, Prometheus metrics, and the JSON APIs over reports, blocklists and the
 * embedded police queue.
 */
package vn.smsgw.gateway.http;
