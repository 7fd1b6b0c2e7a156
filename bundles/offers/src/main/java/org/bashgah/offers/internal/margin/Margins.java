package org.bashgah.offers.internal.margin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Validation;
import org.bashgah.offers.internal.OffersDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The gross margin per product group, in percent of the sale: what is left to pay for an offer. A group without
 * its own margin takes the default; without a default it counts as unknown, and a simulation warns.
 */
@Component(service = Margins.class)
public class Margins {
    static final String DEFAULT = "*";

    private final OffersDatabase db;
    private final AuditTrail audit;

    @Activate
    public Margins(@Reference OffersDatabase db, @Reference AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    /** The margins of an organisation: the default (or null) and each group's own. */
    public record Table(BigDecimal defaultPercent, Map<String, BigDecimal> groups) {
        public Table {
            groups = groups == null ? Map.of() : Map.copyOf(new TreeMap<>(groups));
        }

        /** The margin of a group, or null when neither it nor the default is known. */
        public BigDecimal of(String group) {
            BigDecimal own = group == null ? null : groups.get(group);
            return own != null ? own : defaultPercent;
        }
    }

    public Table table(String org) {
        List<MarginEntity> rows = db.read(em -> em.createQuery("select m from MarginEntity m where m.organisationId = :o",
            MarginEntity.class).setParameter("o", org).getResultList());
        BigDecimal fallback = null;
        Map<String, BigDecimal> groups = new TreeMap<>();
        for (MarginEntity m : rows) {
            if (DEFAULT.equals(m.productGroup)) fallback = m.percent;
            else groups.put(m.productGroup, m.percent);
        }
        return new Table(fallback, groups);
    }

    /** Replaces the whole table. */
    public Table put(Caller caller, Table table) {
        Validation v = new Validation();
        percent(v, "defaultPercent", table.defaultPercent());
        v.check(table.groups().size() <= 1000, "groups", "may hold at most 1000 product groups");
        table.groups().forEach((group, percent) -> {
            v.code("groups." + group, group);
            v.require("groups." + group, percent);
            percent(v, "groups." + group, percent);
        });
        v.throwIfInvalid();
        String org = caller.organisationId();
        db.inTransaction(em -> {
            em.createQuery("delete from MarginEntity m where m.organisationId = :o").setParameter("o", org)
                .executeUpdate();
            if (table.defaultPercent() != null) em.persist(row(org, DEFAULT, table.defaultPercent()));
            table.groups().forEach((group, percent) -> em.persist(row(org, group, percent)));
            return null;
        });
        audit.record(caller, "offers.margins", null, "default " + table.defaultPercent() + ", " + table.groups());
        return table(org);
    }

    private static MarginEntity row(String org, String group, BigDecimal percent) {
        MarginEntity m = new MarginEntity();
        m.organisationId = org;
        m.productGroup = group;
        m.percent = percent;
        return m;
    }

    private static void percent(Validation v, String field, BigDecimal value) {
        v.check(value == null || (value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0
            && value.scale() <= 4), field, "must be a percentage from 0 to 100 with at most 4 decimals");
    }
}
