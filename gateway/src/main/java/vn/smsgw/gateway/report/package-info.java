/** The gateway's public JSON representation of parsed 156/5656 reports, shared by the CLI and the HTTP API. */
package vn.smsgw.gateway.report;
