package org.bashgah.offers.internal.offer;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/** An offer as the API shows it: its definition's fields, and its id, status and history. */
public record OfferView(String id, String status, @JsonUnwrapped OfferDefinition definition, Instant createdAt,
                        String createdBy, Instant changedAt, String changedBy) {
    public static final String DRAFT = "DRAFT";
    public static final String ACTIVE = "ACTIVE";
    public static final String PAUSED = "PAUSED";
}
