-- bashgah-offers schema, version 1. Portable SQL: runs unchanged on Derby and PostgreSQL.
-- Times are UTC wall-clock TIMESTAMPs; amounts BIGINT in the organisation's currency unit.

-- An offer; its definition (audience, trigger, reward, limits ...) is JSON, read into OfferDefinition.
CREATE TABLE offers_offer (
    id          VARCHAR(36)    NOT NULL PRIMARY KEY,
    org_id      VARCHAR(36)    NOT NULL,
    name        VARCHAR(200)   NOT NULL,
    kind        VARCHAR(16)    NOT NULL,
    status      VARCHAR(16)    NOT NULL,
    definition  VARCHAR(16000) NOT NULL,
    created_at  TIMESTAMP      NOT NULL,
    created_by  VARCHAR(100)   NOT NULL,
    changed_at  TIMESTAMP      NOT NULL,
    changed_by  VARCHAR(100)   NOT NULL
);
CREATE INDEX ix_offers_offer_org ON offers_offer (org_id, status);

-- A one-time offer given to a member (by a targeting run, or on another capability's request) until a
-- deadline; a control grant marks a member held out for measuring and gives nothing.
CREATE TABLE offers_grant (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    org_id      VARCHAR(36)  NOT NULL,
    offer_id    VARCHAR(36)  NOT NULL REFERENCES offers_offer (id),
    member_id   VARCHAR(36)  NOT NULL,
    ref         VARCHAR(100) NOT NULL,
    granted_at  TIMESTAMP    NOT NULL,
    deadline    TIMESTAMP    NOT NULL,
    control     BOOLEAN      NOT NULL,
    CONSTRAINT uq_offers_grant UNIQUE (offer_id, member_id, ref)
);
CREATE INDEX ix_offers_grant_member ON offers_grant (member_id, deadline);
CREATE INDEX ix_offers_grant_ref ON offers_grant (offer_id, ref);

-- A targeting run of a one-time offer: who was aimed at, at which moment, with what control group.
CREATE TABLE offers_run (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    org_id          VARCHAR(36)  NOT NULL,
    offer_id        VARCHAR(36)  NOT NULL REFERENCES offers_offer (id),
    as_of           TIMESTAMP    NOT NULL,
    control_percent DECIMAL(5,2) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    scanned         BIGINT       NOT NULL,
    targeted        BIGINT       NOT NULL,
    control_count   BIGINT       NOT NULL,
    started_at      TIMESTAMP    NOT NULL,
    finished_at     TIMESTAMP,
    created_by      VARCHAR(100) NOT NULL,
    error           VARCHAR(400)
);
CREATE INDEX ix_offers_run_offer ON offers_run (offer_id, started_at);

-- Gross margin percent per product group; product_group '*' is the default for groups without one.
CREATE TABLE offers_margin (
    org_id        VARCHAR(36)  NOT NULL,
    product_group VARCHAR(64)  NOT NULL,
    percent       DECIMAL(7,4) NOT NULL,
    PRIMARY KEY (org_id, product_group)
);
