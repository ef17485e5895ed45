package org.blended.service.ruleset.store;

import org.blended.service.ruleset.source.RuleSetContent;
import org.blended.service.ruleset.source.RuleSetFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Rule-set versions, their files, the active pointer and the audit trail, in the database. */
@Repository
public class RuleSetStore {

    private static final String COLUMNS = "version, label, state, based_on, note, content_hash, created_by, created_at, "
            + "validated_at, valid, validation, approved_by, approved_at, published_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RuleSetStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Integer> activeVersion() {
        return jdbc.queryForList("select version from rule_set_active where id = 1", Integer.class).stream().findFirst();
    }

    public List<RuleSetRecord> all() {
        return jdbc.query("select " + COLUMNS + " from rule_set order by version desc", RuleSetStore::record);
    }

    public Optional<RuleSetRecord> find(int version) {
        return jdbc.query("select " + COLUMNS + " from rule_set where version = ?", RuleSetStore::record, version)
                .stream().findFirst();
    }

    public Optional<RuleSetRecord> labelled(String label) {
        return jdbc.query("select " + COLUMNS + " from rule_set where label = ?", RuleSetStore::record, label)
                .stream().findFirst();
    }

    public Optional<RuleSetRecord> withContent(String contentHash) {
        return jdbc.query("select " + COLUMNS + " from rule_set where content_hash = ? order by version",
                RuleSetStore::record, contentHash).stream().findFirst();
    }

    public List<RuleSetFile> files(int version) {
        return jdbc.query("select path, content from rule_set_file where version = ? order by path",
                (rs, i) -> new RuleSetFile(rs.getString(1), rs.getBytes(2)), version);
    }

    public List<RuleSetEvent> events(int version) {
        return jdbc.query("select version, action, actor, at, detail from rule_set_event where version = ? order by at, id",
                (rs, i) -> new RuleSetEvent(rs.getInt(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getString(5)),
                version);
    }

    /** How many decisions cite the label, and when the latest was made. */
    public DecisionsMade decisionsMade(String label) {
        return jdbc.queryForObject("select count(*), max(decided_at) from decision where rule_set_version = ?",
                (rs, i) -> new DecisionsMade(rs.getLong(1), instant(rs, 2)), label);
    }

    /** A new draft with its files; the label, when null, is "rule-set-" and the version. */
    @Transactional
    public RuleSetRecord create(String label, Integer basedOn, String note, List<RuleSetFile> files, String actor) {
        int version = jdbc.queryForObject("select nextval('rule_set_version_seq')", Integer.class);
        String name = label == null ? "rule-set-" + version : label;
        jdbc.update("insert into rule_set (version, label, state, based_on, note, content_hash, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", version, name, RuleSetState.DRAFT.name(), basedOn, note,
                RuleSetContent.hash(files), actor, now());
        jdbc.batchUpdate("insert into rule_set_file (version, path, content) values (?, ?, ?)", files, files.size(),
                (ps, f) -> {
                    ps.setInt(1, version);
                    ps.setString(2, f.path());
                    ps.setBytes(3, f.content());
                });
        event(version, "CREATED", actor, basedOn == null ? note : "based on version " + basedOn);
        return find(version).orElseThrow();
    }

    @Transactional
    public void recordValidation(int version, boolean valid, String reportJson, String actor, String summary) {
        jdbc.update("update rule_set set validated_at = ?, valid = ?, validation = ? where version = ?",
                now(), valid, reportJson, version);
        event(version, "VALIDATED", actor, summary);
    }

    @Transactional
    public void approve(int version, String actor) {
        approve(version, actor, null);
    }

    @Transactional
    public void approve(int version, String actor, String detail) {
        jdbc.update("update rule_set set approved_by = ?, approved_at = ? where version = ?", actor, now(), version);
        event(version, "APPROVED", actor, detail);
    }

    /**
     * Replaces Test Scenario files of a draft with ones whose expectations were accepted, and records
     * each change, in one transaction. Only the scenarios change, never the rules, so what was worked
     * out from the rules (what-if runs, the compiled rule base) still stands; the validation does not,
     * nor an approval of what the files were: the report kept is marked superseded and the draft is
     * validated and approved again. Refused when the draft changed since the caller read it.
     *
     * @param expectedHash the draft's content hash the changes were worked out from
     * @param events       one entry of the history per scenario accepted
     */
    @Transactional
    public void acceptExpectations(int version, String expectedHash, List<RuleSetFile> rewritten, String newHash,
                                   List<AcceptedChange> changes, String supersededReport, List<String> events, String actor) {
        List<String> current = jdbc.queryForList("select content_hash from rule_set where version = ? and state = ? for update",
                String.class, version, RuleSetState.DRAFT.name());
        if (current.isEmpty() || !current.get(0).equals(expectedHash)) {
            throw new RuleSetChangedException("Version " + version + " changed, or is no longer a draft, while its "
                    + "expectations were being accepted; nothing was accepted. Look at it again and retry.");
        }
        for (RuleSetFile file : rewritten) {
            if (jdbc.update("update rule_set_file set content = ? where version = ? and path = ?",
                    file.content(), version, file.path()) != 1) {
                throw new IllegalStateException("Version " + version + " has no file " + file.path());
            }
        }
        jdbc.update("update rule_set set content_hash = ?, valid = null, validation = ?, approved_by = null, approved_at = null "
                + "where version = ?", newHash, supersededReport, version);
        Timestamp now = now();
        jdbc.batchUpdate("insert into rule_set_accepted_change (version, file, scenario_index, scenario, criterion, checks, "
                        + "old_expected, new_expected, accepted_by, accepted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                changes, changes.size(), (ps, c) -> {
                    ps.setInt(1, version);
                    ps.setString(2, c.file());
                    ps.setInt(3, c.scenarioIndex());
                    ps.setString(4, c.scenario() == null || c.scenario().length() <= 500 ? c.scenario() : c.scenario().substring(0, 500));
                    ps.setString(5, c.criterion());
                    ps.setString(6, c.checks().length() <= 300 ? c.checks() : c.checks().substring(0, 300));
                    ps.setString(7, c.oldExpected());
                    ps.setString(8, c.newExpected());
                    ps.setString(9, actor);
                    ps.setTimestamp(10, now);
                });
        events.forEach(detail -> event(version, "ACCEPTED", actor, detail));
    }

    /** The expectations accepted into a version, in the order they were accepted. */
    public List<AcceptedChange> acceptedChanges(int version) {
        return jdbc.query("select version, file, scenario_index, scenario, criterion, checks, old_expected, new_expected, "
                        + "accepted_by, accepted_at from rule_set_accepted_change where version = ? order by id",
                (rs, i) -> new AcceptedChange(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), instant(rs, 10)), version);
    }

    /**
     * Makes the version the active one and retires the one it replaces, in one transaction. The
     * single row of rule_set_active is locked first, so two publishes one after the other.
     */
    @Transactional
    public Optional<Integer> activate(int version, String action, String actor, String detail) {
        Optional<Integer> before = jdbc.queryForList("select version from rule_set_active where id = 1 for update",
                Integer.class).stream().findFirst();
        Timestamp now = now();
        if (before.isPresent()) {
            jdbc.update("update rule_set set state = ? where version = ?", RuleSetState.RETIRED.name(), before.get());
            jdbc.update("update rule_set_active set version = ?, changed_at = ? where id = 1", version, now);
        } else {
            jdbc.update("insert into rule_set_active (id, version, changed_at) values (1, ?, ?)", version, now);
        }
        jdbc.update("update rule_set set state = ?, published_at = ? where version = ?",
                RuleSetState.PUBLISHED.name(), now, version);
        event(version, action, actor, detail);
        before.filter(b -> b != version).ifPresent(b -> event(b, "RETIRED", actor, "replaced by version " + version));
        return before;
    }

    @Transactional
    public void retire(int version, String actor, String detail) {
        jdbc.update("update rule_set set state = ? where version = ?", RuleSetState.RETIRED.name(), version);
        event(version, "RETIRED", actor, detail);
    }

    /** Called inside the transactions above: an action and its record commit together. */
    private void event(int version, String action, String actor, String detail) {
        jdbc.update("insert into rule_set_event (version, action, actor, at, detail) values (?, ?, ?, ?, ?)",
                version, action, actor, now(), detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static RuleSetRecord record(ResultSet rs, int row) throws SQLException {
        return new RuleSetRecord(rs.getInt("version"), rs.getString("label"), RuleSetState.valueOf(rs.getString("state")),
                (Integer) rs.getObject("based_on"), rs.getString("note"), rs.getString("content_hash"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "validated_at"),
                (Boolean) rs.getObject("valid"), rs.getString("validation"), rs.getString("approved_by"),
                instant(rs, "approved_at"), instant(rs, "published_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
