/**
 * Text tools for SMS: Vietnamese diacritic folding, the GSM 03.38 alphabet (unpacked septets), the text codings
 * and their decoders, and SMS length and segmentation (GSM-7 / UCS-2 units, concatenated parts).
 */
package vn.smsgw.parser.text;
