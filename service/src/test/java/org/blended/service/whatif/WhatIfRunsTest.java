package org.blended.service.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.blended.service.ruleset.ShippedVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** A what-if whose instance stopped does not say RUNNING for ever. */
@SpringBootTest
@ActiveProfiles({"postgres", "test"})
class WhatIfRunsTest {

    @Autowired
    WhatIfService whatIf;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ShippedVersion shipped;

    @Test
    void aRunWithNoProgressForFiveMinutesIsMarkedFailedAndOneMovingIsLeftAlone() {
        UUID abandoned = run(Instant.now().minus(6, ChronoUnit.MINUTES));
        UUID moving = run(Instant.now().minus(1, ChronoUnit.MINUTES));

        whatIf.failAbandonedRuns();

        WhatIfView failed = whatIf.view(abandoned, 0);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failure()).contains("stopped before it finished").contains("start it again");
        assertThat(whatIf.view(moving, 0).status()).isEqualTo("RUNNING");
        jdbc.update("update what_if_run set status = 'FAILED' where id = ?", moving); // no runner behind it
    }

    private UUID run(Instant lastProgress) {
        UUID id = UUID.randomUUID();
        int version = shipped.version();
        jdbc.update("insert into what_if_run (id, draft_version, baseline_version, status, total, done, requested_by, "
                        + "requested_at, updated_at) values (?, ?, ?, 'RUNNING', 100, 10, 'test', ?, ?)", id, version, version,
                Timestamp.from(lastProgress), Timestamp.from(lastProgress));
        return id;
    }
}
