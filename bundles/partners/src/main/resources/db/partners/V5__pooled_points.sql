-- Pooled points: an agreement with point_value > 0 lets a member who consented at one side spend points held
-- there at the other side, each point worth point_value in money (what the settlement line says is owed).
ALTER TABLE partners_agreement ADD COLUMN point_value BIGINT DEFAULT 0 NOT NULL;
-- A redemption of pooled points: points taken from issuer_member at issuer_org; amount is their money value.
ALTER TABLE partners_redemption ADD COLUMN points BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE partners_redemption ADD COLUMN issuer_member VARCHAR(40);
