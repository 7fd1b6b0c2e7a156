package org.bashgah.offers.internal.offer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One organisation's active offers as the purchase path reads them: those of every branch, and per branch
 * those of that branch only, so a purchase looks only at offers that can apply where it is made.
 */
public record ActiveOffers(Instant loadedAt, List<Active> everywhere, Map<String, List<Active>> byBranch,
                           boolean anyOneTime) {

    /** An active offer. */
    public record Active(String id, OfferDefinition definition) {
    }

    static ActiveOffers of(Instant loadedAt, List<Active> active) {
        List<Active> everywhere = new ArrayList<>();
        Map<String, List<Active>> byBranch = new HashMap<>();
        boolean oneTime = false;
        for (Active a : active) {
            oneTime |= a.definition().oneTime();
            if (a.definition().branches().isEmpty()) everywhere.add(a);
            else for (String b : a.definition().branches()) byBranch.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
        }
        return new ActiveOffers(loadedAt, List.copyOf(everywhere), Map.copyOf(byBranch), oneTime);
    }

    /** The permanent and one-time offers that may apply at {@code branch}. */
    public List<Active> at(String branch) {
        List<Active> branchOnly = byBranch.getOrDefault(branch, List.of());
        if (branchOnly.isEmpty()) return everywhere;
        List<Active> all = new ArrayList<>(everywhere);
        all.addAll(branchOnly);
        return all;
    }

    public Active find(String offerId) {
        for (Active a : everywhere) if (a.id().equals(offerId)) return a;
        for (List<Active> list : byBranch.values()) for (Active a : list) if (a.id().equals(offerId)) return a;
        return null;
    }
}
