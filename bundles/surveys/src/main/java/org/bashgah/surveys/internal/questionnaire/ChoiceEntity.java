package org.bashgah.surveys.internal.questionnaire;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A choice of a choice question. */
@Entity
@Table(name = "surveys_choice")
public class ChoiceEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "question_id")
    public long questionId;
    @Column(name = "position_no")
    public int position;
    public String code;
    @Column(name = "text_fa")
    public String textFa;
    @Column(name = "text_en")
    public String textEn;
}
