package org.bashgah.core.internal.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.bashgah.core.api.MemberStats;
import org.bashgah.core.persistence.UtcInstantConverter;

/**
 * A member's per-branch and per-product-group counters on the posting path, without entities. A regular has
 * dozens of them and a purchase changes two to four, so a posting neither reads them unless a contributor looks
 * (an offer's audience on branches or product groups) nor has them compared at commit: the changed ones are
 * added to in place by one JDBC batch on the posting's own connection, under the member's lock.
 */
final class MemberCounters {
    private static final UtcInstantConverter TIME = new UtcInstantConverter();
    private static final String ADD_VISIT = "UPDATE core_member_counter SET visits = visits + 1, amount = amount + ?,"
        + " last_at = CASE WHEN last_at < CAST(? AS TIMESTAMP) THEN CAST(? AS TIMESTAMP) ELSE last_at END"
        + " WHERE member_id = ? AND dimension = ? AND counter_key = ?";
    private static final String ADD_AMOUNT = "UPDATE core_member_counter SET amount = amount + ?"
        + " WHERE member_id = ? AND dimension = ? AND counter_key = ?";
    private static final String INSERT = "INSERT INTO core_member_counter"
        + " (member_id, dimension, counter_key, visits, amount, last_at) VALUES (?, ?, ?, ?, ?, ?)";

    /** One counter to add to: {@code visits} is 1 for a purchase, 0 for a refund's negative {@code amount}. */
    record Change(String dimension, String key, long visits, long amount) {
    }

    private MemberCounters() {
    }

    /**
     * Adds the changes to the member's counters, creating the ones the member does not have yet with
     * {@code at} as their last visit. The caller holds the member's row lock, so no other posting creates them
     * meanwhile.
     */
    static void add(EntityManager em, String memberId, Instant at, List<Change> changes) {
        if (changes.isEmpty()) return;
        Timestamp when = TIME.convertToDatabaseColumn(at);
        Connection connection = em.unwrap(Connection.class);
        try {
            List<Change> missing = new ArrayList<>();
            try (PreparedStatement visit = connection.prepareStatement(ADD_VISIT);
                 PreparedStatement amount = connection.prepareStatement(ADD_AMOUNT)) {
                List<Change> visits = changes.stream().filter(c -> c.visits() > 0).toList();
                List<Change> amounts = changes.stream().filter(c -> c.visits() == 0).toList();
                for (Change c : visits) {
                    visit.setLong(1, c.amount());
                    visit.setTimestamp(2, when);
                    visit.setTimestamp(3, when);
                    visit.setString(4, memberId);
                    visit.setString(5, c.dimension());
                    visit.setString(6, c.key());
                    visit.addBatch();
                }
                for (Change c : amounts) {
                    amount.setLong(1, c.amount());
                    amount.setString(2, memberId);
                    amount.setString(3, c.dimension());
                    amount.setString(4, c.key());
                    amount.addBatch();
                }
                collectMissing(visits, visits.isEmpty() ? new int[0] : visit.executeBatch(), missing);
                collectMissing(amounts, amounts.isEmpty() ? new int[0] : amount.executeBatch(), missing);
            }
            if (missing.isEmpty()) return;
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Change c : missing) {
                    insert.setString(1, memberId);
                    insert.setString(2, c.dimension());
                    insert.setString(3, c.key());
                    insert.setLong(4, c.visits());
                    insert.setLong(5, c.amount());
                    insert.setTimestamp(6, when);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not count into the counters of member " + memberId, e);
        }
    }

    private static void collectMissing(List<Change> changes, int[] counts, List<Change> missing) {
        for (int i = 0; i < changes.size(); i++) {
            // a driver may answer SUCCESS_NO_INFO (-2) for a batched row: only 0 means "no such counter"
            if (counts[i] == 0) missing.add(changes.get(i));
        }
    }

    /** The member's counters by dimension, read by one query of plain values. */
    static Map<String, Map<String, MemberStats.Counter>> read(EntityManager em, String memberId) {
        Map<String, Map<String, MemberStats.Counter>> byDimension = Map.of(
            MemberCounterEntity.BRANCH, new TreeMap<>(), MemberCounterEntity.GROUP, new TreeMap<>());
        List<Object[]> rows = em.createQuery("select c.dimension, c.counterKey, c.visits, c.amount, c.lastAt"
            + " from MemberCounterEntity c where c.memberId = :m", Object[].class).setParameter("m", memberId)
            .getResultList();
        for (Object[] row : rows) {
            Map<String, MemberStats.Counter> counters = byDimension.get((String) row[0]);
            if (counters != null) {
                counters.put((String) row[1], new MemberStats.Counter((Long) row[2], (Long) row[3], (Instant) row[4]));
            }
        }
        return byDimension;
    }

    /**
     * Both dimensions of one member's counters, read together the first time either map is used. Usable only
     * before the posting adds to them ({@link #seal()}): a later read would see this purchase in "before".
     */
    static final class Lazy {
        private final EntityManager em;
        private final String memberId;
        private Map<String, Map<String, MemberStats.Counter>> loaded;
        private boolean sealed;

        Lazy(EntityManager em, String memberId) {
            this.em = em;
            this.memberId = memberId;
        }

        Map<String, MemberStats.Counter> branches() {
            return new View(MemberCounterEntity.BRANCH);
        }

        Map<String, MemberStats.Counter> productGroups() {
            return new View(MemberCounterEntity.GROUP);
        }

        /** From now on the counters are being changed; a map not read yet refuses to be. */
        void seal() {
            sealed = true;
        }

        private Map<String, MemberStats.Counter> of(String dimension) {
            if (loaded == null) {
                if (sealed) {
                    throw new IllegalStateException("a member's counters in a purchase context can be read only"
                        + " while the contributor is asked, not after the posting has counted the purchase");
                }
                loaded = read(em, memberId);
            }
            return loaded.get(dimension);
        }

        private final class View extends AbstractMap<String, MemberStats.Counter> {
            private final String dimension;

            View(String dimension) {
                this.dimension = dimension;
            }

            @Override
            public Set<Entry<String, MemberStats.Counter>> entrySet() {
                return java.util.Collections.unmodifiableMap(of(dimension)).entrySet();
            }

            @Override
            public MemberStats.Counter get(Object key) {
                return of(dimension).get(key);
            }

            @Override
            public boolean containsKey(Object key) {
                return of(dimension).containsKey(key);
            }
        }
    }
}
