-- bashgah-reports schema, version 1. Portable SQL: runs unchanged on Derby and PostgreSQL.
-- Reports themselves store nothing: they read core's aggregates (ClubFigures) when asked. What is kept is the
-- segments: a named member list taken from a report, with the report's definition and when it was taken.
CREATE TABLE reports_segment (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    org_id       VARCHAR(36)   NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    report       VARCHAR(32)   NOT NULL,
    -- the report's parameters, a JSON object of text values ({"segment": "champions", "branch": "tehran-1"})
    parameters   VARCHAR(4000) NOT NULL,
    branch_code  VARCHAR(64),
    as_of        TIMESTAMP     NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    member_count BIGINT        NOT NULL,
    CONSTRAINT uq_reports_segment_name UNIQUE (org_id, name)
);
CREATE INDEX ix_reports_segment_org ON reports_segment (org_id, as_of);

CREATE TABLE reports_segment_member (
    segment_id VARCHAR(36) NOT NULL REFERENCES reports_segment (id),
    member_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (segment_id, member_id)
);
