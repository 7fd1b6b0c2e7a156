package org.bashgah.partners.internal;

import java.util.List;
import org.bashgah.core.api.BashgahException;
import org.bashgah.core.api.FieldError;

/** The partners' common refusals. */
final class Problems {
    private Problems() {
    }

    static BashgahException noBody() {
        return new BashgahException.Invalid(List.of(new FieldError("body", "a JSON body is required")));
    }
}
