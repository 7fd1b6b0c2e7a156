package org.bashgah.core.internal.rest;

/** One thing wrong with a request: the field (a JSON path such as {@code lines[0].amount}) and why. */
public record FieldError(String field, String message) {
}
