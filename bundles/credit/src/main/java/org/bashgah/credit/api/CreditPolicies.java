package org.bashgah.credit.api;

import org.osgi.annotation.versioning.ProviderType;

/** The earning policies in force. */
@ProviderType
public interface CreditPolicies {

    /** The policy a purchase at {@code branch} earns under now: the branch's override, else the chain's. */
    CreditPolicy effective(String organisationId, String branch);
}
