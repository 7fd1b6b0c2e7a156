package org.bashgah.credit.internal.shell;

import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;

/** Picks the organisation a command acts on: the one named by code, or the first one. */
final class Organisations {
    private Organisations() {
    }

    static Organisation pick(OrganisationService organisations, String code) {
        return organisations.list().stream()
            .filter(o -> code == null || o.code().equals(code))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no organisation " + (code == null ? "yet" : code)));
    }
}
