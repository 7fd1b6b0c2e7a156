-- What refunds of the purchase took back of an issue's partner credit: reversed is the target so far (amount x
-- the refunded share, rounded down), taken_back what the member still held of it and was taken from the ledger.
ALTER TABLE partners_issue ADD COLUMN reversed BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE partners_issue ADD COLUMN taken_back BIGINT DEFAULT 0 NOT NULL;
