-- Tickets a purchase's refunds took back before the draw: the entry keeps what it earned (tickets) and what is
-- left in the draw is tickets - refunded.
ALTER TABLE partners_lottery_entry ADD COLUMN refunded BIGINT DEFAULT 0 NOT NULL;
