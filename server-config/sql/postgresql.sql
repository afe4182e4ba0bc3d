-- Automations for Jakarta EE: schema for PostgreSQL (15 and later).
-- Apply once before the first deployment:  psql -v ON_ERROR_STOP=1 -d automations -f postgresql.sql
-- The mapping is in ejb/src/main/java/org/automations/persistence; keep both in step.

CREATE SEQUENCE IF NOT EXISTS ATM_AUTOMATION_SEQ INCREMENT BY 50 START WITH 50;  -- EclipseLink: a value ends its block of 50
CREATE SEQUENCE IF NOT EXISTS ATM_TASK_SEQ INCREMENT BY 50 START WITH 50;

CREATE TABLE IF NOT EXISTS ATM_AUTOMATION (
    ID               BIGINT PRIMARY KEY,
    VERSION          BIGINT NOT NULL DEFAULT 0,
    AUTOMATION_CLASS VARCHAR(255) NOT NULL,
    DATA             TEXT NOT NULL,
    INSTANCE_KEY     VARCHAR(64) UNIQUE,
    UNIQUE_KEY       VARCHAR(64) UNIQUE,      -- set while a @Unique automation holds its uniqueness
    STATE            VARCHAR(16) NOT NULL,    -- RUNNING, FINISHED, FAILED
    CREATED          TIMESTAMP WITH TIME ZONE NOT NULL,
    UPDATED          TIMESTAMP WITH TIME ZONE NOT NULL,
    DUE_AT           TIMESTAMP WITH TIME ZONE,  -- when the scheduler should run it next
    CLAIMED_BY       VARCHAR(100),              -- the server stepping it ...
    CLAIM_EXPIRES    TIMESTAMP WITH TIME ZONE,  -- ... until then
    FAILED_TASK_ID   BIGINT
);

CREATE TABLE IF NOT EXISTS ATM_TASK (
    ID                      BIGINT PRIMARY KEY,
    AUTOMATION_ID           BIGINT NOT NULL REFERENCES ATM_AUTOMATION (ID),
    PREVIOUS_ID             BIGINT,
    SPLIT_TASK_ID           BIGINT,
    INTERACTION             BOOLEAN NOT NULL DEFAULT FALSE,
    INTERACTION_USER        VARCHAR(100),
    INTERACTION_GROUP       VARCHAR(100),
    INTERACTION_PERMISSIONS VARCHAR(500),
    COMPLETED_BY            VARCHAR(100),
    ATTEMPT                 INTEGER NOT NULL DEFAULT 1,          -- which attempt at a retrying node
    RUN_AFTER               TIMESTAMP WITH TIME ZONE,   -- not before: a retry's backoff
    ASYNC_SINCE             TIMESTAMP WITH TIME ZONE,   -- threaded work handed to the executor
    STATUS                  VARCHAR(100) NOT NULL,   -- the node's name
    CREATED                 TIMESTAMP WITH TIME ZONE NOT NULL,
    FINISHED                TIMESTAMP WITH TIME ZONE,
    MESSAGE                 VARCHAR(1000),
    RESULT                  TEXT
);

-- A tick: instances whose due time has passed. Partial on DUE_AT (not on STATE, which the query
-- binds as a parameter): finished instances and those waiting for a person have no due time and
-- cost nothing.
CREATE INDEX IF NOT EXISTS ATM_AUTOMATION_DUE ON ATM_AUTOMATION (DUE_AT) WHERE DUE_AT IS NOT NULL;
-- Dashboards, broadcasts: instances of a class by state.
CREATE INDEX IF NOT EXISTS ATM_AUTOMATION_CLASS ON ATM_AUTOMATION (AUTOMATION_CLASS, STATE);
-- History deletion: finished instances by age.
CREATE INDEX IF NOT EXISTS ATM_AUTOMATION_FINISHED ON ATM_AUTOMATION (UPDATED) WHERE STATE = 'FINISHED';
-- A run: the open tasks of one instance; histories: all tasks of one instance.
CREATE INDEX IF NOT EXISTS ATM_TASK_AUTOMATION ON ATM_TASK (AUTOMATION_ID, FINISHED);
-- Task lists: open form tasks.
CREATE INDEX IF NOT EXISTS ATM_TASK_OPEN_INTERACTION ON ATM_TASK (INTERACTION_GROUP, INTERACTION_USER)
    WHERE FINISHED IS NULL AND INTERACTION;
