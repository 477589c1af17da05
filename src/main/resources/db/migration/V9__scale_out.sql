-- Spring Cloud Task's repository (spring.cloud.task.initialize-enabled=false: Flyway owns the DDL)
CREATE TABLE task_execution (
    task_execution_id     BIGINT        NOT NULL PRIMARY KEY,
    start_time            TIMESTAMP     DEFAULT NULL,
    end_time              TIMESTAMP     DEFAULT NULL,
    task_name             VARCHAR(100),
    exit_code             INTEGER,
    exit_message          VARCHAR(2500),
    error_message         VARCHAR(2500),
    last_updated          TIMESTAMP,
    external_execution_id VARCHAR(255),
    parent_execution_id   BIGINT
);

CREATE TABLE task_execution_params (
    task_execution_id BIGINT NOT NULL REFERENCES task_execution (task_execution_id),
    task_param        VARCHAR(2500)
);

CREATE TABLE task_task_batch (
    task_execution_id BIGINT NOT NULL REFERENCES task_execution (task_execution_id),
    job_execution_id  BIGINT NOT NULL
);

CREATE SEQUENCE task_seq MAXVALUE 9223372036854775807 NO CYCLE;

CREATE TABLE task_lock (
    lock_key      CHAR(36)     NOT NULL,
    region        VARCHAR(100) NOT NULL,
    client_id     CHAR(36),
    created_date  TIMESTAMP    NOT NULL,
    expired_after TIMESTAMP    NOT NULL,
    CONSTRAINT task_lock_pk PRIMARY KEY (lock_key, region)
);

-- Spring Integration's JdbcLockRegistry: one replica at a time launches a sweep
CREATE TABLE int_lock (
    lock_key      CHAR(36)     NOT NULL,
    region        VARCHAR(100) NOT NULL,
    client_id     CHAR(36),
    created_date  TIMESTAMP    NOT NULL,
    expired_after TIMESTAMP    NOT NULL,
    CONSTRAINT int_lock_pk PRIMARY KEY (lock_key, region)
);

-- which worker process runs a partition (a worker step execution), with a heartbeat while it runs
CREATE TABLE partition_leases (
    step_execution_id BIGINT      PRIMARY KEY,
    host              TEXT        NOT NULL,
    pid               BIGINT      NOT NULL,
    heartbeat_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
