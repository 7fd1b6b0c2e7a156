package org.bashgah.core.internal.figures;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.persistence.Query;
import org.bashgah.core.api.ClubFigures;
import org.bashgah.core.internal.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link ClubFigures} in plain SQL (portable: Derby and PostgreSQL): member rows by keyset paging on the primary
 * key, and one aggregate query per interval on the indexes of V4 ({@code core_member (org_id, joined_at)},
 * {@code (org_id, joined_branch, joined_at)}, {@code core_purchase (org_id, made_at)}) and V1
 * ({@code core_purchase (org_id, branch_code, made_at)}, {@code core_lot (expires_at)}).
 */
@Component(service = ClubFigures.class)
public class Figures implements ClubFigures {
    private static final int PAGE = 2000;

    private final Database db;

    @Activate
    public Figures(@Reference Database db) {
        this.db = db;
    }

    @Override
    public void forEachMember(String organisationId, String joinedBranch, Consumer<MemberFigures> visitor) {
        String after = "";
        while (true) {
            String from = after;
            List<MemberFigures> page = db.read(em -> {
                // The row limit in the SQL itself (setMaxResults does not write it into a native query): planned for
                // all rows, PostgreSQL hash-joins both whole tables for every page, 4.5 s a page at a million members.
                // And the page's start on core_balance too, or its merge join reads that index from the first row.
                // With both, 45 ms a page. FETCH FIRST is standard SQL: Derby and PostgreSQL take it.
                Query q = em.createNativeQuery("SELECT m.id, m.phone, m.name, m.joined_at, m.joined_branch, m.tier, m.visits,"
                        + " m.total_spend, m.first_visit, m.last_visit, b.balance FROM core_member m"
                        + " LEFT JOIN core_balance b ON b.member_id = m.id AND b.account = 'POINTS' AND b.member_id > ?"
                        + " WHERE m.org_id = ? AND m.id > ?" + (joinedBranch == null ? "" : " AND m.joined_branch = ?")
                        + " ORDER BY m.id FETCH FIRST " + PAGE + " ROWS ONLY")
                    .setParameter(1, from).setParameter(2, organisationId).setParameter(3, from);
                if (joinedBranch != null) q.setParameter(4, joinedBranch);
                List<MemberFigures> rows = new ArrayList<>();
                for (Object r : q.getResultList()) {
                    Object[] c = (Object[]) r;
                    rows.add(new MemberFigures((String) c[0], (String) c[1], (String) c[2], instant(c[3]), (String) c[4],
                        (String) c[5], number(c[6]), number(c[7]), instant(c[8]), instant(c[9]), number(c[10])));
                }
                return rows;
            });
            page.forEach(visitor);
            if (page.size() < PAGE) return;
            after = page.get(page.size() - 1).memberId();
        }
    }

    @Override
    public long[] joined(String organisationId, String joinedBranch, List<Instant> boundaries) {
        checkBoundaries(boundaries);
        String sql = "SELECT COUNT(*) FROM core_member WHERE org_id = ?"
            + (joinedBranch == null ? "" : " AND joined_branch = ?") + " AND joined_at >= ? AND joined_at < ?";
        return db.read(em -> {
            long[] counts = new long[boundaries.size() - 1];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = number(bind(em.createNativeQuery(sql), organisationId, joinedBranch, boundaries.get(i),
                    boundaries.get(i + 1)).getSingleResult());
            }
            return counts;
        });
    }

    @Override
    public List<Sales> sales(String organisationId, String branch, List<Instant> boundaries) {
        return sales("SELECT COUNT(*), COUNT(DISTINCT p.member_id), SUM(p.amount), SUM(p.refunded) FROM core_purchase p"
            + " WHERE p.org_id = ?" + (branch == null ? "" : " AND p.branch_code = ?")
            + " AND p.made_at >= ? AND p.made_at < ?", organisationId, branch, boundaries);
    }

    @Override
    public List<Sales> repeatSales(String organisationId, String branch, List<Instant> boundaries) {
        return sales("SELECT COUNT(*), COUNT(DISTINCT p.member_id), SUM(p.amount), SUM(p.refunded) FROM core_purchase p"
            + " JOIN core_member m ON m.id = p.member_id"
            + " WHERE p.org_id = ?" + (branch == null ? "" : " AND p.branch_code = ?")
            + " AND p.made_at >= ? AND p.made_at < ? AND p.made_at > m.first_visit", organisationId, branch, boundaries);
    }

    private List<Sales> sales(String sql, String organisationId, String branch, List<Instant> boundaries) {
        checkBoundaries(boundaries);
        return db.read(em -> {
            List<Sales> out = new ArrayList<>();
            for (int i = 0; i + 1 < boundaries.size(); i++) {
                Object[] c = (Object[]) bind(em.createNativeQuery(sql), organisationId, branch, boundaries.get(i),
                    boundaries.get(i + 1)).getSingleResult();
                long amount = number(c[2]);
                long refunded = number(c[3]);
                out.add(new Sales(number(c[0]), number(c[1]), amount - refunded, refunded));
            }
            return out;
        });
    }

    @Override
    public long[] activeMembers(String organisationId, String joinedBranch, List<Instant> boundaries) {
        if (joinedBranch == null) {
            return sales(organisationId, null, boundaries).stream().mapToLong(Sales::members).toArray();
        }
        checkBoundaries(boundaries);
        String sql = "SELECT COUNT(DISTINCT p.member_id) FROM core_purchase p JOIN core_member m ON m.id = p.member_id"
            + " WHERE p.org_id = ? AND m.joined_branch = ? AND p.made_at >= ? AND p.made_at < ?";
        return db.read(em -> {
            long[] counts = new long[boundaries.size() - 1];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = number(bind(em.createNativeQuery(sql), organisationId, joinedBranch, boundaries.get(i),
                    boundaries.get(i + 1)).getSingleResult());
            }
            return counts;
        });
    }

    @Override
    public List<Outstanding> outstanding(String organisationId) {
        return db.read(em -> {
            List<Outstanding> out = new ArrayList<>();
            for (Object r : em.createNativeQuery("SELECT b.account, m.joined_branch, COUNT(*), SUM(b.balance)"
                    + " FROM core_balance b JOIN core_member m ON m.id = b.member_id"
                    + " WHERE m.org_id = ? AND b.balance <> 0 GROUP BY b.account, m.joined_branch")
                    .setParameter(1, organisationId).getResultList()) {
                Object[] c = (Object[]) r;
                out.add(new Outstanding((String) c[0], (String) c[1], number(c[2]), number(c[3])));
            }
            return out;
        });
    }

    @Override
    public List<Expiring> expiring(String organisationId, Instant from, Instant to) {
        return db.read(em -> {
            List<Expiring> out = new ArrayList<>();
            for (Object r : em.createNativeQuery("SELECT l.account, m.joined_branch, COUNT(*), SUM(l.remaining)"
                    + " FROM core_lot l JOIN core_member m ON m.id = l.member_id"
                    + " WHERE m.org_id = ? AND l.remaining > 0 AND l.expires_at >= ? AND l.expires_at < ?"
                    + " GROUP BY l.account, m.joined_branch")
                    .setParameter(1, organisationId).setParameter(2, timestamp(from)).setParameter(3, timestamp(to))
                    .getResultList()) {
                Object[] c = (Object[]) r;
                out.add(new Expiring((String) c[0], (String) c[1], number(c[2]), number(c[3])));
            }
            return out;
        });
    }

    /** Binds organisation, the optional branch and the interval, in that order. */
    private static Query bind(Query q, String organisationId, String branch, Instant from, Instant to) {
        int i = 1;
        q.setParameter(i++, organisationId);
        if (branch != null) q.setParameter(i++, branch);
        return q.setParameter(i++, timestamp(from)).setParameter(i, timestamp(to));
    }

    private static void checkBoundaries(List<Instant> boundaries) {
        if (boundaries == null || boundaries.size() < 2) throw new IllegalArgumentException("give at least two boundaries");
        for (int i = 0; i + 1 < boundaries.size(); i++) {
            if (!boundaries.get(i).isBefore(boundaries.get(i + 1))) {
                throw new IllegalArgumentException("boundaries must ascend: " + boundaries.get(i) + " then "
                    + boundaries.get(i + 1));
            }
        }
    }

    /** Core stores instants as UTC wall-clock TIMESTAMPs (UtcInstantConverter); native SQL binds them the same way. */
    static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant instant(Object column) {
        if (column == null) return null;
        if (column instanceof Timestamp t) return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        if (column instanceof LocalDateTime t) return t.toInstant(ZoneOffset.UTC);
        throw new IllegalStateException("not a timestamp: " + column.getClass());
    }

    /** COUNT and SUM come back as Integer, Long or BigDecimal depending on the database; SUM of nothing as null. */
    static long number(Object column) {
        return column == null ? 0 : ((Number) column).longValue();
    }
}
