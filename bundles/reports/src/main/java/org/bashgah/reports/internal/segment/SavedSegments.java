package org.bashgah.reports.internal.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import javax.persistence.EntityManager;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.BashgahException.Conflict;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Validation;
import org.bashgah.reports.api.Segment;
import org.bashgah.reports.api.Segments;
import org.bashgah.reports.internal.ReportsDatabase;
import org.bashgah.reports.internal.report.Report;
import org.bashgah.reports.internal.report.ReportQuery;
import org.bashgah.reports.internal.report.Reports;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Saved segments: a report's member list taken once, with its definition, in {@code reports_segment} and
 * {@code reports_segment_member}. Exported to other capabilities as {@link Segments}.
 */
@Component(service = {Segments.class, SavedSegments.class})
public class SavedSegments implements Segments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1000;

    private final ReportsDatabase db;
    private final Reports reports;
    private final AuditTrail audit;

    @Activate
    public SavedSegments(@Reference ReportsDatabase db, @Reference Reports reports, @Reference AuditTrail audit) {
        this.db = db;
        this.reports = reports;
        this.audit = audit;
    }

    /** The body of {@code POST /api/v1/reports/segments}: a name, a report that lists members, and its parameters. */
    public record SegmentRequest(String name, String report, Map<String, String> parameters) {
    }

    /**
     * Runs the report's member list and saves it under the name, in one transaction: a segment is all of its
     * members or nothing. Chain admins save any; a branch manager saves its own branch's.
     */
    public Segment create(Caller caller, SegmentRequest request) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        Validation v = new Validation();
        v.require("name", request.name()).name("name", request.name(), 200).require("report", request.report());
        Report report = request.report() == null ? null : Report.of(request.report());
        v.check(request.report() == null || report != null, "report", "is not a report");
        Map<String, String> parameters = request.parameters() == null ? Map.of() : request.parameters();
        if (report != null) {
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                v.check(report.definitionParameters().contains(p.getKey()), "parameters." + p.getKey(),
                    "is not a parameter of " + report.code() + "'s members (it takes "
                        + String.join(", ", report.definitionParameters()) + ")");
                v.check(p.getValue() != null, "parameters." + p.getKey(), "is required");
            }
        }
        v.throwIfInvalid();
        if (!report.yieldsMembers()) throw new Rejected("report", "report " + report.code() + " lists no members");
        Map<String, List<String>> given = new LinkedHashMap<>();
        parameters.forEach((k, value) -> given.put(k, List.of(value)));
        ReportQuery query = reports.query(caller, report, true, given);
        reports.checkSelection(query);
        String org = caller.organisationId();
        Segment saved = db.inTransaction(em -> {
            boolean taken = !em.createQuery("select s.id from SegmentEntity s where s.organisationId = :o and s.name = :n")
                .setParameter("o", org).setParameter("n", request.name()).getResultList().isEmpty();
            if (taken) throw new Conflict("a segment named " + request.name() + " exists", null);
            SegmentEntity s = new SegmentEntity();
            s.id = UUID.randomUUID().toString();
            s.organisationId = org;
            s.name = request.name();
            s.report = report.code();
            s.parameters = write(new TreeMap<>(parameters));
            s.branch = query.branch();
            s.asOf = query.asOf().truncatedTo(ChronoUnit.MILLIS);
            s.createdBy = caller.actor();
            em.persist(s);
            em.flush();
            long[] n = new long[1];
            reports.forEachMember(query, line -> {
                em.persist(new SegmentMemberEntity(s.id, line.id()));
                if (++n[0] % BATCH == 0) {
                    em.flush();
                    em.clear();
                }
            });
            em.flush();
            em.clear();
            em.createQuery("update SegmentEntity s set s.members = :n where s.id = :id").setParameter("n", n[0])
                .setParameter("id", s.id).executeUpdate();
            return view(em.find(SegmentEntity.class, s.id));
        });
        audit.record(caller, "reports.segment.create", saved.id(), saved.name() + ": " + saved.report() + " "
            + saved.parameters() + ", " + saved.members() + " members");
        return saved;
    }

    /** Removes a segment (chain admin; a branch manager its own branch's). */
    public void delete(Caller caller, String segmentId) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        Segment removed = db.inTransaction(em -> {
            SegmentEntity s = visible(em, caller, segmentId);
            em.createQuery("delete from SegmentMemberEntity m where m.segmentId = :id").setParameter("id", s.id)
                .executeUpdate();
            em.remove(s);
            return view(s);
        });
        audit.record(caller, "reports.segment.delete", removed.id(), removed.name());
    }

    /** The segments the caller may see: all for a chain admin, a branch-bound caller's own branch's. */
    public List<Segment> list(Caller caller) {
        return list(caller.organisationId()).stream()
            .filter(s -> caller.branch() == null || caller.branch().equals(s.branch())).toList();
    }

    public Segment find(Caller caller, String segmentId) {
        return db.read(em -> view(visible(em, caller, segmentId)));
    }

    /** A page of the segment's member ids, in id order. */
    public List<String> memberIds(Caller caller, String segmentId, int offset, int limit) {
        return db.read(em -> {
            SegmentEntity s = visible(em, caller, segmentId);
            return em.createQuery("select m.memberId from SegmentMemberEntity m where m.segmentId = :id"
                    + " order by m.memberId", String.class)
                .setParameter("id", s.id).setFirstResult(offset).setMaxResults(limit).getResultList();
        });
    }

    private static SegmentEntity visible(EntityManager em, Caller caller, String segmentId) {
        SegmentEntity s = segmentId == null ? null : em.find(SegmentEntity.class, segmentId);
        if (s == null || !s.organisationId.equals(caller.organisationId())
                || (caller.branch() != null && !caller.branch().equals(s.branch))) {
            throw new NotFound("no segment " + segmentId);
        }
        return s;
    }

    // ------------------------------------------------------------------------------------ Segments (API)

    @Override
    public List<Segment> list(String organisationId) {
        return db.read(em -> em.createQuery("select s from SegmentEntity s where s.organisationId = :o"
                + " order by s.asOf desc, s.id", SegmentEntity.class).setParameter("o", organisationId).getResultList()
            .stream().map(SavedSegments::view).toList());
    }

    @Override
    public Optional<Segment> find(String organisationId, String segmentId) {
        return db.read(em -> {
            SegmentEntity s = segmentId == null ? null : em.find(SegmentEntity.class, segmentId);
            return s == null || !s.organisationId.equals(organisationId) ? Optional.<Segment>empty() : Optional.of(view(s));
        });
    }

    @Override
    public void forEachMember(String organisationId, String segmentId, Consumer<String> visitor) {
        if (find(organisationId, segmentId).isEmpty()) return;
        String after = "";
        while (true) {
            String from = after;
            List<String> page = db.read(em -> em.createQuery("select m.memberId from SegmentMemberEntity m"
                    + " where m.segmentId = :id and m.memberId > :after order by m.memberId", String.class)
                .setParameter("id", segmentId).setParameter("after", from).setMaxResults(BATCH).getResultList());
            page.forEach(visitor);
            if (page.size() < BATCH) return;
            after = page.get(page.size() - 1);
        }
    }

    @Override
    public boolean contains(String organisationId, String segmentId, String memberId) {
        if (segmentId == null || memberId == null || find(organisationId, segmentId).isEmpty()) return false;
        return db.read(em -> em.find(SegmentMemberEntity.class, new SegmentMemberEntity.Key(segmentId, memberId)) != null);
    }

    private static Segment view(SegmentEntity s) {
        return new Segment(s.id, s.name, s.report, read(s.parameters), s.branch, s.asOf, s.createdBy, s.members);
    }

    private static String write(Map<String, String> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("segment parameters are not JSON: " + json, e);
        }
    }
}
