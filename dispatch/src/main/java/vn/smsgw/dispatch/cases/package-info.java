/** Case ids: the short, unambiguous name every stored message gets, shown to reporters, the police and operators. */
package vn.smsgw.dispatch.cases;
