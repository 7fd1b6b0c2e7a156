package org.bashgah.credit.internal.reward;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

/** A reward of the catalogue; its stock moves only under the row's lock (see {@link Rewards}). */
@Entity
@Table(name = "credit_reward")
public class RewardEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    public String name;
    @Column(name = "points_cost")
    public long pointsCost;
    /** Null: unlimited. */
    public Long stock;
    /** Empty: claimable at every branch. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "credit_reward_branch", joinColumns = @JoinColumn(name = "reward_id"))
    @Column(name = "branch_code")
    public List<String> branches = new ArrayList<>();
    public boolean active;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;

    public Rewards.Reward toApi() {
        return new Rewards.Reward(id, name, pointsCost, stock, branches.stream().sorted().toList(), active, changedAt,
            changedBy);
    }
}
