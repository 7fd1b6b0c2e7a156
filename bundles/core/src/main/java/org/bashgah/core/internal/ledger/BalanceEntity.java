package org.bashgah.core.internal.ledger;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** The current balance of one account: always the sum of its entries (checked by ledger-verify). */
@Entity
@Table(name = "core_balance")
@IdClass(BalanceEntity.Key.class)
public class BalanceEntity {
    @Id
    @Column(name = "member_id")
    public String memberId;
    @Id
    public String account;
    public long balance;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String memberId;
        public String account;

        public Key() {
        }

        public Key(String memberId, String account) {
            this.memberId = memberId;
            this.account = account;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(memberId, k.memberId) && Objects.equals(account, k.account);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, account);
        }
    }
}
