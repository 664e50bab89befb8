/**
 * Bulk issuing: a roster streamed from CSV, awarded on all cores with bounded queues, written one
 * folder per recipient atomically so that a rerun after a crash skips what is done.
 */
package io.github.insignia.openbadges.issuing.batch;
