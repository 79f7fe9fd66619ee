/** The relational store (SQLite embedded, PostgreSQL in production): connections, transactions, versioned migrations. */
package vn.smsgw.dispatch.store;
