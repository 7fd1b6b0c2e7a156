package org.bashgah.core.internal.purchase;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity
@Table(name = "core_purchase_line")
@IdClass(PurchaseLineEntity.Key.class)
public class PurchaseLineEntity {
    @Id
    @Column(name = "purchase_id")
    public String purchaseId;
    @Id
    @Column(name = "line_no")
    public int lineNo;
    @Column(name = "product_group")
    public String productGroup;
    public long amount;
    public long refunded;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String purchaseId;
        public int lineNo;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(purchaseId, k.purchaseId) && lineNo == k.lineNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(purchaseId, lineNo);
        }
    }
}
