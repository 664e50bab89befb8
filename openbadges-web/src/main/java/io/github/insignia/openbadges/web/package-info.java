/**
 * The badge on the web and on paper: {@link io.github.insignia.openbadges.web.BadgeSite} renders
 * and serves badge pages, the issuer page, the verification page, the hosting endpoints and the
 * downloads, independent of any web framework; {@link io.github.insignia.openbadges.web.BadgeServlet}
 * mounts it in a Jakarta Servlet container; {@link io.github.insignia.openbadges.web.FolderBadgeStore}
 * reads the folder {@code insignia issue-batch} writes; {@link
 * io.github.insignia.openbadges.web.CertificatePdf} prints a certificate with the credential attached.
 */
package io.github.insignia.openbadges.web;
