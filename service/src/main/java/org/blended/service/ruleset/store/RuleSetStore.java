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
        jdbc.update("update rule_set set approved_by = ?, approved_at = ? where version = ?", actor, now(), version);
        event(version, "APPROVED", actor, null);
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
