/** Pure routing rules: what a report leads to (police case, blocklist counts), including fraud-marker escalation. */
package vn.smsgw.dispatch.routing;
