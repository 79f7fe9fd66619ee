/** The process configuration: one immutable, validated record tree loaded once from YAML and command-line flags. */
package vn.smsgw.gateway.config;
