/** The 156/5656 report grammar: {@code S|V|LD <source> <content>} parsed into a sealed {@link vn.smsgw.parser.report.ParseResult}. */
package vn.smsgw.parser.report;
