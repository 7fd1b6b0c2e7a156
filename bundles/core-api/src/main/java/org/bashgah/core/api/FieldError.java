package org.bashgah.core.api;

/** One thing wrong with a request: the field (a JSON path such as {@code lines[0].amount}) and why. */
public record FieldError(String field, String message) {
}
