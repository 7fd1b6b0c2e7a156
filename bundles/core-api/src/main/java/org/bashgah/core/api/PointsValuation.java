package org.bashgah.core.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How much money a point pays when a purchase redeems points. Provided by the capability that owns the
 * earning policy (bashgah-credit). Without such a service points cannot pay for a purchase.
 */
@ConsumerType
public interface PointsValuation {

    /** The money value of {@code points} at {@code branch} of {@code organisationId}, rounded down. */
    long valueOf(String organisationId, String branch, long points);
}
