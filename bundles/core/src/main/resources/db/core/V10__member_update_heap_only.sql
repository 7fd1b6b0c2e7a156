-- No query reads core_member by last visit (reports and offers' audiences judge recency member by member, in
-- their passes over the member rows), but every purchase changes last_visit. An indexed column changed makes
-- PostgreSQL write a new entry into each of the member's indexes (five) on every purchase; without it, the
-- purchase's update of visits, spend and last visit can be a heap-only (HOT) update that touches no index.
-- A feature that needs members by last visit adds the index it needs, with its own reason.
DROP INDEX ix_core_member_last_visit;
