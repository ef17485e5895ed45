package org.blended.service.ruleset.lifecycle;

import org.blended.service.ruleset.source.ShippedRuleSet;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.ruleset.store.RuleSetStore;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import org.blended.service.assessment.RuleEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance on the active version. At start it imports the shipped rule base if its
 * content is new (the first start makes it version 1 and publishes it) and loads the active
 * version before any application is taken in; then it follows publishes and roll backs made on
 * other instances by reading the active pointer every few moments.
 */
@Component
class RuleSetActivation {

    static final String SYSTEM = "blended (shipped rule base)";
    private static final Logger log = LoggerFactory.getLogger(RuleSetActivation.class);

    private final RuleSetStore store;
    private final RuleSetLibrary library;
    private final ShippedRuleSet shipped;
    private final RuleEngine engine;

    public RuleSetActivation(RuleSetStore store, RuleSetLibrary library, ShippedRuleSet shipped, RuleEngine engine) {
        this.store = store;
        this.library = library;
        this.shipped = shipped;
        this.engine = engine;
    }

    @PostConstruct
    void start() {
        try {
            importShipped();
        } catch (DataIntegrityViolationException raced) {
            log.info("Another instance imported the shipped rule base at the same moment; using its import");
        }
        int active = store.activeVersion().orElseThrow(() -> new IllegalStateException("No rule set is active"));
        engine.activate(library.compiled(active));
    }

    /** Follows the active version, whichever instance changed it. */
    @Scheduled(initialDelayString = "${blended.rule-sets.sync-millis:1000}", fixedDelayString = "${blended.rule-sets.sync-millis:1000}")
    void follow() {
        try {
            Optional<Integer> active = store.activeVersion();
            if (active.isPresent() && active.get() != engine.active().version()) {
                engine.activate(library.compiled(active.get()));
            }
        } catch (DataAccessException e) {
            log.warn("Could not check the active rule set ({}); staying on version {}", e.getMessage(),
                    engine.active().version());
        }
    }

    /**
     * The shipped rule base becomes a version when its content is new. It is published when nothing
     * is yet, or when the active version is itself an earlier shipped one (a service upgrade brings
     * its rules); over a version a policy owner published, it stays a draft for them to review.
     */
    private void importShipped() {
        if (store.withContent(shipped.contentHash()).isPresent()) {
            return;
        }
        String label = store.labelled(shipped.label()).isPresent()
                ? shipped.label() + "-" + shipped.contentHash().substring(0, 8) : shipped.label();
        Optional<RuleSetRecord> active = store.activeVersion().flatMap(store::find);
        RuleSetRecord imported = store.create(label, null, "The rule base shipped with the service", shipped.files(), SYSTEM);
        log.info("Imported the shipped rule base as rule set {} ({})", imported.version(), label);
        if (active.isEmpty() || SYSTEM.equals(active.get().createdBy())) {
            store.activate(imported.version(), "PUBLISHED", SYSTEM,
                    active.isEmpty() ? "first start" : "the service was upgraded with a new shipped rule base");
        } else {
            log.warn("The shipped rule base changed; it is draft version {} for policy owners to validate and publish",
                    imported.version());
        }
    }
}
