-- Core's events are written here in the transaction of the change they announce, and delivered after it commits;
-- a row stays until its delivery is done (and a grace period for handlers that finish their work a little later),
-- so an event whose process died before delivering it is delivered when a node starts again.
CREATE TABLE core_event_outbox (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    topic       VARCHAR(200)  NOT NULL,
    properties  VARCHAR(4000) NOT NULL,
    created_at  TIMESTAMP     NOT NULL
);
CREATE INDEX ix_core_event_outbox_created ON core_event_outbox (created_at, id);
