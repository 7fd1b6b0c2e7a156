package org.bashgah.core.api;

import org.osgi.annotation.versioning.ProviderType;

/** The organisation's audit log (who changed what), for capabilities to record their own changes in. */
@ProviderType
public interface AuditTrail {

    /**
     * Records a change made by {@code caller}.
     *
     * @param action what was done, e.g. {@code credit.policy.update}
     * @param target what it was done to (an id or a code), or null
     * @param detail a short human text, or null; cut at 2,000 characters
     */
    void record(Caller caller, String action, String target, String detail);
}
