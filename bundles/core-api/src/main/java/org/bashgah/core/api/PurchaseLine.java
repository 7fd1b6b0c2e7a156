package org.bashgah.core.api;

/** A line of a purchase: how much of the purchase was in one product group (e.g. {@code shoes}). */
public record PurchaseLine(String productGroup, long amount) {
}
