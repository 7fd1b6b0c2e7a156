package org.bashgah.core.internal.rest;

import org.bashgah.core.api.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem-details body, the only shape an error answer has. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      String existingId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return new Problem("urn:bashgah:problem:" + slug, title, status, detail,
            errors == null || errors.isEmpty() ? null : errors, null);
    }
}
