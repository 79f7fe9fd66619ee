/** The Vietnamese numbering plan: E.164 normalisation, number types and the carrier a prefix was allocated to. */
package vn.smsgw.parser.number;
