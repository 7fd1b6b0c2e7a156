-- core_lot holds only open lots from now on: a lot is removed when it is spent or expires (its entry stays in
-- the ledger, which is the history). A member who buys every week used to carry hundreds of spent lots that
-- every redemption read again.
DELETE FROM core_lot WHERE remaining = 0;
-- A spending reads the member's first lots of an account in spending order (expiry, then entry); with the old
-- (member_id, account) index PostgreSQL walked ix_core_lot_expiry instead for a member with many lots (80 ms).
DROP INDEX ix_core_lot_member;
CREATE INDEX ix_core_lot_spending ON core_lot (member_id, account, expires_at, entry_id);
