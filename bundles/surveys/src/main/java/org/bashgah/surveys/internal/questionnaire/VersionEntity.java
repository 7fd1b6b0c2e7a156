package org.bashgah.surveys.internal.questionnaire;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One version of a questionnaire; fixed once an operator was shown it. */
@Entity
@Table(name = "surveys_questionnaire_version")
public class VersionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "questionnaire_id")
    public long questionnaireId;
    @Column(name = "version_no")
    public int version;
    @Column(name = "name_fa")
    public String nameFa;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;
}
