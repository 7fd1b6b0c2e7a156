package org.bashgah.core.api;

/** A branch of an organisation, known by a code unique within the organisation (e.g. {@code tehran-1}). */
public record Branch(String code, String name, boolean active) {
}
