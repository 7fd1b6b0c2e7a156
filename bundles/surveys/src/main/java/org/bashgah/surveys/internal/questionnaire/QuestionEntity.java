package org.bashgah.surveys.internal.questionnaire;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A question of one questionnaire version. */
@Entity
@Table(name = "surveys_question")
public class QuestionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "version_id")
    public long versionId;
    @Column(name = "position_no")
    public int position;
    public String code;
    public String kind;
    @Column(name = "text_fa")
    public String textFa;
    @Column(name = "text_en")
    public String textEn;
    @Column(name = "mandatory")
    public boolean required;
}
