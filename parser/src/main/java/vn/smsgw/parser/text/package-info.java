/**
 * Text tools for SMS: Vietnamese diacritic folding, the GSM 03.38 alphabet (unpacked septets), and SMS length and
 * segmentation (GSM-7 / UCS-2 units, concatenated parts).
 */
package vn.smsgw.parser.text;
