package io.github.insignia.openbadges.issuing.status;

/**
 * A position in a status list: which list (numbered from 0) and which bit in it.
 *
 * @param listNumber the list, numbered from 0 in allocation order
 * @param index the bit index inside the list, from 0
 */
public record StatusSlot(long listNumber, int index) {
  /** Checks the ranges. */
  public StatusSlot {
    if (listNumber < 0 || index < 0) {
      throw new IllegalArgumentException("negative status slot: " + listNumber + "/" + index);
    }
  }
}
