/** What happens to a report between the SMSC and the authorities: durable intake, routing, blocklists, police queue, replies. */
package vn.smsgw.dispatch;
