package org.bashgah.credit.internal.tier;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One tier of a scheme version, at {@code levelNo} (0 is the lowest); inserted with its scheme, never updated. */
@Entity
@Table(name = "credit_tier_level")
public class TierLevelEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "scheme_id")
    public long schemeId;
    @Column(name = "level_no")
    public int levelNo;
    public String code;
    public String name;
    public long threshold;
    @Column(name = "extra_credit_percent")
    public BigDecimal extraCreditPercent;
    @Column(name = "discount_percent")
    public BigDecimal discountPercent;

    Tier toTier() {
        return new Tier(code, name, threshold, plain(extraCreditPercent), plain(discountPercent));
    }

    /** 15.0000 from a DECIMAL(9,4) column is 15 to a reader. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
