/**
 * An SMSC simulator on jsmpp's server side: binds, MO injection with SMSC-like redelivery, submit_sm answers,
 * delivery receipts and fault injection, for tests, the demo and benchmarks.
 */
package vn.smsgw.gateway.simulator;
