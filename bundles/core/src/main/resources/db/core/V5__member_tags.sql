-- Member tags (groups such as vip or staff), for offers' audiences and the console: the member's codes,
-- sorted and comma-separated (a code holds no comma), on the member's own row so reading a member reads them.
ALTER TABLE core_member ADD COLUMN tags VARCHAR(1400);
