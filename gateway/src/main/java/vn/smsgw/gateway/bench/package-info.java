/** Benchmarks run from the command line ({@code smsgw bench …}): measured, never asserted in unit tests. */
package vn.smsgw.gateway.bench;
