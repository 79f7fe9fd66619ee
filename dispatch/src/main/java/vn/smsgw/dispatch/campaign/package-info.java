/** Awareness campaigns: the warning SMS, its audience, its estimate, its lifecycle and the runner that paces it. */
package vn.smsgw.dispatch.campaign;
