/** Carrier blocklists: distinct-reporter thresholds, the allowlist, operator actions, exports and the change feed. */
package vn.smsgw.dispatch.blocklist;
