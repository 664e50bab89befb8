/**
 * Types shared by every Insignia module: the exception hierarchy with its stable error codes.
 */
package io.github.insignia.openbadges;
