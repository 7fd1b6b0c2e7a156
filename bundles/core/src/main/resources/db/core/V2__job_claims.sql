-- Scheduled work claimed through the database, so two nodes never run the same job for the same period.
CREATE TABLE core_job_claim (
    job        VARCHAR(100) NOT NULL,
    period     VARCHAR(40)  NOT NULL,
    node       VARCHAR(100) NOT NULL,
    claimed_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (job, period)
);
