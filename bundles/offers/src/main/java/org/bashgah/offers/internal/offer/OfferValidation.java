package org.bashgah.offers.internal.offer;

import java.math.BigDecimal;
import java.util.List;
import org.bashgah.core.api.Validation;
import org.bashgah.offers.internal.offer.OfferDefinition.Condition;
import org.bashgah.offers.internal.rules.Audience;

/** Checks an offer definition as a whole and names every field at fault (HTTP 400). */
public final class OfferValidation {
    private static final int MAX_DEPTH = 8;
    private static final int MAX_CONDITIONS = 100;

    private OfferValidation() {
    }

    public static void check(OfferDefinition d) {
        Validation v = new Validation();
        if (d == null) {
            v.add("body", "is required").throwIfInvalid();
        }
        v.require("name", d.name()).name("name", d.name(), 200);
        v.require("kind", d.kind());
        v.check(d.kind() == null || List.of(OfferDefinition.PERMANENT, OfferDefinition.ONE_TIME).contains(d.kind()),
            "kind", "must be PERMANENT or ONE_TIME");
        for (int i = 0; i < d.branches().size(); i++) {
            v.require("branches[" + i + "]", d.branches().get(i)).code("branches[" + i + "]", d.branches().get(i));
        }
        v.check(d.activeFrom() == null || d.activeTo() == null || !d.activeTo().isBefore(d.activeFrom()), "activeTo",
            "must not be before activeFrom");
        v.check(d.weekdays().stream().noneMatch(java.util.Objects::isNull), "weekdays", "must be days such as SATURDAY");
        v.check(d.hoursFrom() == null || d.hoursTo() == null || !d.hoursFrom().equals(d.hoursTo()), "hoursTo",
            "must differ from hoursFrom (leave both out for all day)");
        condition(v, "audience", d.audience(), 0, new int[] {0});

        var t = d.trigger();
        v.notNegative("trigger.amountOver", t.amountOver());
        groups(v, "trigger.productGroups", t.productGroups());
        if (d.oneTime()) {
            v.require("trigger.withinDays", t.withinDays());
            v.check(t.withinDays() == null || (t.withinDays() >= 1 && t.withinDays() <= 366), "trigger.withinDays",
                "must be 1 to 366 days");
        } else {
            v.check(t.withinDays() == null, "trigger.withinDays", "applies to ONE_TIME offers only");
        }

        var r = d.reward();
        v.require("reward", r);
        if (r != null) {
            percent(v, "reward.extraCreditPercent", r.extraCreditPercent());
            percent(v, "reward.discountPercent", r.discountPercent());
            v.notNegative("reward.bonusPoints", r.bonusPoints()).notNegative("reward.fixedCredit", r.fixedCredit());
            boolean gives = positive(r.extraCreditPercent()) || positive(r.discountPercent())
                || (r.bonusPoints() != null && r.bonusPoints() > 0) || (r.fixedCredit() != null && r.fixedCredit() > 0);
            v.check(gives, "reward", "must give something: extraCreditPercent, discountPercent, bonusPoints or fixedCredit");
            v.check(r.creditTo() == null || List.of("SHARED", "BRANCH").contains(r.creditTo()), "reward.creditTo",
                "must be SHARED or BRANCH");
        }
        var l = d.limits();
        v.check(l.perMember() == null || (l.perMember() >= 1 && l.perMember() <= 1_000_000), "limits.perMember",
            "must be 1 to 1,000,000");
        v.positive("limits.budget", l.budget());
        v.check(d.priority() >= -1000 && d.priority() <= 1000, "priority", "must be -1000 to 1000");
        var g = d.targeting();
        v.check(List.of("MANUAL", OfferDefinition.Targeting.DAILY).contains(g.schedule()), "targeting.schedule",
            "must be MANUAL or DAILY");
        v.check(g.controlPercent().signum() >= 0 && g.controlPercent().compareTo(BigDecimal.valueOf(50)) <= 0
            && g.controlPercent().scale() <= 2, "targeting.controlPercent", "must be 0 to 50");
        v.check(d.oneTime() || g.equals(OfferDefinition.Targeting.MANUAL)
            || g.controlPercent().signum() == 0 && g.schedule().equals("MANUAL"), "targeting",
            "applies to ONE_TIME offers only");
        v.throwIfInvalid();
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

    private static void percent(Validation v, String field, BigDecimal value) {
        v.check(value == null || (value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0
            && value.scale() <= 4), field, "must be a percentage from 0 to 100 with at most 4 decimals");
    }

    private static void groups(Validation v, String field, List<String> codes) {
        if (codes == null) return;
        v.check(codes.size() <= 100, field, "may name at most 100");
        for (int i = 0; i < codes.size() && i < 100; i++) {
            v.require(field + "[" + i + "]", codes.get(i)).code(field + "[" + i + "]", codes.get(i));
        }
    }

    private static void condition(Validation v, String field, Condition c, int depth, int[] count) {
        if (c == null) return;
        if (++count[0] > MAX_CONDITIONS) {
            if (count[0] == MAX_CONDITIONS + 1) v.add(field, "has more than " + MAX_CONDITIONS + " conditions");
            return;
        }
        if (depth > MAX_DEPTH) {
            v.add(field, "nests deeper than " + MAX_DEPTH);
            return;
        }
        int set = 0;
        for (Object part : new Object[] {c.all(), c.any(), c.not(), c.metric(), c.tierIn(), c.bought(), c.neverBought(),
            c.visited(), c.birthdayWithinDays(), c.taggedAny(), c.inSegment()}) {
            if (part != null) set++;
        }
        if (set != 1) {
            v.add(field, "must have exactly one of all, any, not, metric, tierIn, bought, neverBought, visited, "
                + "birthdayWithinDays, taggedAny, inSegment");
            return;
        }
        if (c.all() != null || c.any() != null) {
            List<Condition> parts = c.all() != null ? c.all() : c.any();
            String name = field + (c.all() != null ? ".all" : ".any");
            v.check(!parts.isEmpty(), name, "must hold at least one condition");
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) == null) v.add(name + "[" + i + "]", "is required");
                else condition(v, name + "[" + i + "]", parts.get(i), depth + 1, count);
            }
        } else if (c.not() != null) {
            condition(v, field + ".not", c.not(), depth + 1, count);
        } else if (c.metric() != null) {
            v.check(Audience.METRICS.contains(c.metric()), field + ".metric", "must be one of " + Audience.METRICS);
            v.check(c.op() != null && Audience.OPS.contains(c.op()), field + ".op", "must be one of " + Audience.OPS);
            v.require(field + ".value", c.value());
            v.check(c.value() == null || c.value().abs().compareTo(BigDecimal.valueOf(Validation.MAX_AMOUNT)) <= 0,
                field + ".value", "is out of range");
        } else if (c.tierIn() != null) {
            groups(v, field + ".tierIn", c.tierIn());
        } else if (c.bought() != null) {
            groups(v, field + ".bought", c.bought());
        } else if (c.neverBought() != null) {
            groups(v, field + ".neverBought", c.neverBought());
        } else if (c.visited() != null) {
            groups(v, field + ".visited", c.visited());
        } else if (c.taggedAny() != null) {
            groups(v, field + ".taggedAny", c.taggedAny());
        } else if (c.inSegment() != null) {
            v.code(field + ".inSegment", c.inSegment());
        } else {
            v.check(c.birthdayWithinDays() >= 0 && c.birthdayWithinDays() <= 366, field + ".birthdayWithinDays",
                "must be 0 to 366");
        }
        if (c.metric() == null && (c.op() != null || c.value() != null)) {
            v.add(field, "op and value go with metric");
        }
    }
}
