/**
 * Framework-neutral HTTP values shared by the services above issuing (the badge site of
 * openbadges-web, the wallet endpoints of openbadges-wallet), so a host's adapter builds one request
 * type for both.
 */
package io.github.insignia.openbadges.issuing.http;
