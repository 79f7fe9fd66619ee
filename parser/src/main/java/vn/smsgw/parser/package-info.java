/** Pure text and numbers for 156/5656 reports: no I/O, no clock, no threads, no logging. */
package vn.smsgw.parser;
