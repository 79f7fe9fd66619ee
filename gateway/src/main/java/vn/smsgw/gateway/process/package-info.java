/** The running smsgw process: everything a configuration asks for, started in order and stopped in reverse. */
package vn.smsgw.gateway.process;
