package org.bashgah.offers.internal.margin;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity
@Table(name = "offers_margin")
@IdClass(MarginEntity.Key.class)
public class MarginEntity {
    @Id
    @Column(name = "org_id")
    public String organisationId;
    @Id
    @Column(name = "product_group")
    public String productGroup;
    public BigDecimal percent;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String organisationId;
        public String productGroup;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organisationId, k.organisationId)
                && Objects.equals(productGroup, k.productGroup);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisationId, productGroup);
        }
    }
}
