-- Ledger entry ids from a sequence, handed out 50 at a time: the server knows an entry's id when it creates
-- it, so the entries, lots and balances of a posting go to the database in one batch at commit (with the
-- identity column, each entry was inserted alone and its id read back before its lot could be written).
-- It starts far above any id the identity column gave (10^12), so old and new ids never meet and new
-- entries still sort after old ones. The identity column stays, for rows written by other tools.
CREATE SEQUENCE core_ledger_entry_seq AS BIGINT START WITH 1000000000000 INCREMENT BY 50;
