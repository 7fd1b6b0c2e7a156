package org.bashgah.surveys.internal.questionnaire;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.BashgahException.Conflict;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.Caller;
import org.bashgah.surveys.internal.SurveysDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Questionnaires and their versions. A version is <em>in use</em> once an operator was shown it (a claim names
 * it): from then on it never changes, so every answer keeps the questions it was given to. Editing a
 * questionnaire whose current version is in use therefore adds the next version and makes it current; editing
 * one nobody was shown yet rewrites its current version in place.
 */
@Component(service = Questionnaires.class)
public class Questionnaires {
    private final SurveysDatabase db;
    private final AuditTrail audit;

    @Activate
    public Questionnaires(@Reference SurveysDatabase db, @Reference AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    public Questionnaire create(Caller caller, String code, Text name, List<QuestionnaireRules.CheckedQuestion> questions) {
        Questionnaire created = db.inTransaction(em -> {
            Long taken = findByCode(em, caller.organisationId(), code);
            if (taken != null) throw new Conflict("questionnaire code " + code + " is taken", String.valueOf(taken));
            QuestionnaireEntity q = new QuestionnaireEntity();
            q.organisationId = caller.organisationId();
            q.code = code;
            q.currentVersion = 1;
            q.createdAt = now();
            q.createdBy = caller.actor();
            em.persist(q);
            em.flush();
            VersionEntity v = newVersion(em, q, 1, name, caller);
            writeQuestions(em, v.id, questions);
            return load(em, q, v);
        });
        audit.record(caller, "surveys.questionnaire.create", String.valueOf(created.id()), created.code());
        return created;
    }

    /** Changes the questionnaire's name and questions: in place, or as a new version when the current one is in use. */
    public Questionnaire change(Caller caller, long id, Text name, List<QuestionnaireRules.CheckedQuestion> questions) {
        boolean[] newVersion = {false};
        Questionnaire changed = db.inTransaction(em -> {
            QuestionnaireEntity q = find(em, caller.organisationId(), id, LockModeType.PESSIMISTIC_WRITE);
            VersionEntity current = version(em, q.id, q.currentVersion);
            VersionEntity target;
            newVersion[0] = inUse(em, current.id);
            if (newVersion[0]) {
                q.currentVersion = current.version + 1;
                target = newVersion(em, q, q.currentVersion, name, caller);
            } else {
                target = current;
                target.nameFa = name.fa();
                target.nameEn = name.en();
                target.changedAt = now();
                target.changedBy = caller.actor();
                for (QuestionEntity old : questionsOf(em, target.id)) {
                    em.createQuery("delete from ChoiceEntity c where c.questionId = :q").setParameter("q", old.id)
                        .executeUpdate();
                }
                em.createQuery("delete from QuestionEntity q where q.versionId = :v").setParameter("v", target.id)
                    .executeUpdate();
            }
            writeQuestions(em, target.id, questions);
            return load(em, q, target);
        });
        audit.record(caller, "surveys.questionnaire.update", String.valueOf(id),
            (newVersion[0] ? "new version " : "rewrote version ") + changed.version());
        return changed;
    }

    public List<Questionnaire> list(String organisationId) {
        return db.read(em -> em.createQuery("select q from QuestionnaireEntity q where q.organisationId = :o order by q.id",
                QuestionnaireEntity.class).setParameter("o", organisationId).getResultList().stream()
            .map(q -> load(em, q, version(em, q.id, q.currentVersion))).toList());
    }

    public Questionnaire current(String organisationId, long id) {
        return db.read(em -> {
            QuestionnaireEntity q = find(em, organisationId, id, LockModeType.NONE);
            return load(em, q, version(em, q.id, q.currentVersion));
        });
    }

    public Questionnaire version(String organisationId, long id, int version) {
        return db.read(em -> {
            QuestionnaireEntity q = find(em, organisationId, id, LockModeType.NONE);
            VersionEntity v = versionOrNull(em, q.id, version);
            if (v == null) throw new NotFound("questionnaire " + id + " has no version " + version);
            return load(em, q, v);
        });
    }

    public List<Questionnaire.Version> versions(String organisationId, long id) {
        return db.read(em -> {
            QuestionnaireEntity q = find(em, organisationId, id, LockModeType.NONE);
            return em.createQuery("select v from VersionEntity v where v.questionnaireId = :q order by v.version",
                    VersionEntity.class).setParameter("q", q.id).getResultList().stream()
                .map(v -> new Questionnaire.Version(v.version, Text.of(v.nameFa, v.nameEn), questionsOf(em, v.id).size(),
                    inUse(em, v.id), v.changedAt, v.changedBy)).toList();
        });
    }

    /** Whether the organisation has this questionnaire. */
    public boolean exists(String organisationId, long id) {
        return db.read(em -> {
            QuestionnaireEntity q = em.find(QuestionnaireEntity.class, id);
            return q != null && q.organisationId.equals(organisationId);
        });
    }

    // ---- for the call queue, inside its transactions

    /**
     * The id of the version operators are shown now, read under the questionnaire's row lock (the one
     * {@link #change} takes) and held until the claim that pins it commits: an edit either comes first, and the claim
     * pins what it wrote, or waits and then finds the version in use and makes the next one.
     */
    public static long currentVersionId(EntityManager em, long questionnaireId) {
        QuestionnaireEntity q = em.find(QuestionnaireEntity.class, questionnaireId, LockModeType.PESSIMISTIC_WRITE);
        return version(em, q.id, q.currentVersion).id;
    }

    /** A version by its row id, with its questions. */
    public static Questionnaire byVersionId(EntityManager em, long versionId) {
        VersionEntity v = em.find(VersionEntity.class, versionId);
        return load(em, em.find(QuestionnaireEntity.class, v.questionnaireId), v);
    }

    // ---- the tables

    private static Questionnaire load(EntityManager em, QuestionnaireEntity q, VersionEntity v) {
        List<QuestionEntity> questions = questionsOf(em, v.id);
        Map<Long, List<ChoiceEntity>> choices = questions.isEmpty() ? Map.of()
            : em.createQuery("select c from ChoiceEntity c where c.questionId in :ids order by c.questionId, c.position",
                    ChoiceEntity.class).setParameter("ids", questions.stream().map(x -> x.id).toList()).getResultList()
                .stream().collect(Collectors.groupingBy(c -> c.questionId));
        List<Questionnaire.Question> shown = new ArrayList<>();
        for (QuestionEntity e : questions) {
            shown.add(new Questionnaire.Question(e.id, e.code, QuestionKind.valueOf(e.kind), Text.of(e.textFa, e.textEn),
                e.required, choices.getOrDefault(e.id, List.of()).stream()
                    .map(c -> new Questionnaire.Choice(c.code, Text.of(c.textFa, c.textEn))).toList()));
        }
        return new Questionnaire(q.id, q.code, v.version, q.currentVersion, Text.of(v.nameFa, v.nameEn), shown,
            v.changedAt, v.changedBy);
    }

    private static List<QuestionEntity> questionsOf(EntityManager em, long versionId) {
        return em.createQuery("select q from QuestionEntity q where q.versionId = :v order by q.position",
            QuestionEntity.class).setParameter("v", versionId).getResultList();
    }

    private static VersionEntity newVersion(EntityManager em, QuestionnaireEntity q, int number, Text name, Caller caller) {
        VersionEntity v = new VersionEntity();
        v.questionnaireId = q.id;
        v.version = number;
        v.nameFa = name.fa();
        v.nameEn = name.en();
        v.changedAt = now();
        v.changedBy = caller.actor();
        em.persist(v);
        em.flush();
        return v;
    }

    private static void writeQuestions(EntityManager em, long versionId, List<QuestionnaireRules.CheckedQuestion> questions) {
        int position = 0;
        for (QuestionnaireRules.CheckedQuestion checked : questions) {
            QuestionEntity q = new QuestionEntity();
            q.versionId = versionId;
            q.position = ++position;
            q.code = checked.code();
            q.kind = checked.kind().name();
            q.textFa = checked.text().fa();
            q.textEn = checked.text().en();
            q.required = checked.required();
            em.persist(q);
            em.flush();
            int c = 0;
            for (Questionnaire.Choice choice : checked.choices()) {
                ChoiceEntity e = new ChoiceEntity();
                e.questionId = q.id;
                e.position = ++c;
                e.code = choice.code();
                e.textFa = choice.text().fa();
                e.textEn = choice.text().en();
                em.persist(e);
            }
        }
        em.flush();
    }

    /** In use: some operator was shown this version (every claim names the version it showed). */
    private static boolean inUse(EntityManager em, long versionId) {
        return !em.createQuery("select c.id from ClaimEntity c where c.versionId = :v").setParameter("v", versionId)
            .setMaxResults(1).getResultList().isEmpty();
    }

    private static VersionEntity version(EntityManager em, long questionnaireId, int version) {
        VersionEntity v = versionOrNull(em, questionnaireId, version);
        if (v == null) throw new IllegalStateException("questionnaire " + questionnaireId + " lacks version " + version);
        return v;
    }

    private static VersionEntity versionOrNull(EntityManager em, long questionnaireId, int version) {
        return em.createQuery("select v from VersionEntity v where v.questionnaireId = :q and v.version = :n",
                VersionEntity.class).setParameter("q", questionnaireId).setParameter("n", version)
            .getResultStream().findFirst().orElse(null);
    }

    private static QuestionnaireEntity find(EntityManager em, String org, long id, LockModeType lock) {
        QuestionnaireEntity q = em.find(QuestionnaireEntity.class, id, lock);
        if (q == null || !q.organisationId.equals(org)) throw new NotFound("no questionnaire " + id);
        return q;
    }

    private static Long findByCode(EntityManager em, String org, String code) {
        return em.createQuery("select q.id from QuestionnaireEntity q where q.organisationId = :o and q.code = :c",
            Long.class).setParameter("o", org).setParameter("c", code).getResultStream().findFirst().orElse(null);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
