/**
 * The provider (host/backpack) side of the OB 3.0 API and Badge Connect 2.1, framework-neutral:
 * {@link io.github.insignia.openbadges.export.provider.BackpackProvider#handle} takes an {@link
 * io.github.insignia.openbadges.export.provider.HttpRequest} and returns an {@link
 * io.github.insignia.openbadges.export.provider.HttpResponse}; {@link
 * io.github.insignia.openbadges.export.provider.JdkHttpServerAdapter} serves it with the JDK's
 * HTTP server (tests and demos).
 */
package io.github.insignia.openbadges.export.provider;
