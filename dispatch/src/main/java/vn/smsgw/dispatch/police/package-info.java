/** Police cases: the transactional outbox committed with each report, and its delivery (embedded pull queue or RabbitMQ). */
package vn.smsgw.dispatch.police;
