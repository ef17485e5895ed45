package org.blended.service.ruleset;

import org.blended.service.ruleset.lifecycle.RuleSetSettings;
import org.blended.service.ruleset.lifecycle.RuleSets;
import org.blended.service.ruleset.source.ShippedRuleSet;
import org.blended.service.ruleset.store.RuleSetStore;
import org.blended.service.assessment.RuleEngine;
import org.springframework.stereotype.Component;

/**
 * Puts the shipped rule base back after a test that published another version. The test database
 * and JVM are shared by every test, and the other Spring contexts still alive follow the active
 * version on their own schedule: wait for them too, so that no later test meets edited rules.
 */
@Component
public class ShippedVersion {

    private final RuleSetStore store;
    private final RuleSets ruleSets;
    private final ShippedRuleSet shipped;
    private final RuleEngine engine;
    private final RuleSetSettings settings;

    public ShippedVersion(RuleSetStore store, RuleSets ruleSets, ShippedRuleSet shipped, RuleEngine engine,
                          RuleSetSettings settings) {
        this.store = store;
        this.ruleSets = ruleSets;
        this.shipped = shipped;
        this.engine = engine;
        this.settings = settings;
    }

    public int version() {
        return store.withContent(shipped.contentHash()).orElseThrow().version();
    }

    public void restore() {
        int version = version();
        if (store.activeVersion().orElseThrow() != version) {
            ruleSets.rollBack(version, "test clean-up");
            try {
                Thread.sleep(settings.syncMillis() * 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (engine.active().version() != version) {
            throw new IllegalStateException("This instance did not return to the shipped rule set");
        }
    }
}
