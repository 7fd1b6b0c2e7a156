-- Indexes for ClubFigures (reports): members joined and purchases made per interval, chain-wide and per branch,
-- answered from an index range instead of a table scan. Purchases by branch use ix_core_purchase_branch (V1).
CREATE INDEX ix_core_member_joined ON core_member (org_id, joined_at);
CREATE INDEX ix_core_member_joined_branch ON core_member (org_id, joined_branch, joined_at);
CREATE INDEX ix_core_purchase_made ON core_purchase (org_id, made_at);
