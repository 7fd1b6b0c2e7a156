-- Tier tally ids from a sequence, handed out 50 at a time (as core's ledger entries, core V7): with the identity
-- column EclipseLink inserted each tally alone and read its id back (SELECT lastval() on PostgreSQL), two round
-- trips per purchase; now a batch of tallies goes to the database as one JDBC batch at commit.
-- It starts far above any id the identity column gave (10^12), so old and new ids never meet. The identity
-- column stays, for rows written by other tools.
CREATE SEQUENCE credit_tier_tally_seq AS BIGINT START WITH 1000000000000 INCREMENT BY 50;
