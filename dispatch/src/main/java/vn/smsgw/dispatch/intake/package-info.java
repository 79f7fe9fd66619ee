/** Durable intake of MO messages: parse, dedupe, route and commit in groups; answer only after the commit. */
package vn.smsgw.dispatch.intake;
