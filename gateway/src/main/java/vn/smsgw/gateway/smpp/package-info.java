/**
 * The gateway's SMPP edge: data_coding and UDH/SAR decoding of MO deliver_sm, delivery receipts, and the encoding
 * of MT text into submit_sm parts.
 */
package vn.smsgw.gateway.smpp;
