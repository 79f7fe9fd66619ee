/** The durable outbound queue (MT) with its two lanes, and the reply templates. */
package vn.smsgw.dispatch.outbound;
