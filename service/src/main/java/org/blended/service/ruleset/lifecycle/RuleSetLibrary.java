package org.blended.service.ruleset.lifecycle;

import org.blended.service.ruleset.build.RuleSetCompiler;
import org.blended.service.ruleset.source.ShippedRuleSet;
import org.blended.service.ruleset.store.RuleSetNotFoundException;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.ruleset.store.RuleSetStore;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.blended.rules.application.Application;
import org.blended.service.assessment.CompiledRuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compiled versions, built once each and kept while in use (the active one, and those replay and
 * what-if ask for). Every one comes from {@link RuleSetCompiler#build}, which checks before anything runs.
 */
@Component
public class RuleSetLibrary {

    private static final Logger log = LoggerFactory.getLogger(RuleSetLibrary.class);
    private static final int KEPT = 6;

    private final RuleSetStore store;
    private final RuleSetCompiler compiler;
    private final String shippedHash;
    private final Map<Integer, CompiledRuleSet> compiled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, CompiledRuleSet> eldest) {
            return size() > KEPT;
        }
    };

    public RuleSetLibrary(RuleSetStore store, RuleSetCompiler compiler, ShippedRuleSet shipped) {
        this.store = store;
        this.compiler = compiler;
        this.shippedHash = shipped.contentHash();
    }

    /** The version compiled, building it on first use; refused, with the problems, if it does not pass the compiler's checks. */
    public synchronized CompiledRuleSet compiled(int version) {
        CompiledRuleSet known = compiled.get(version);
        if (known != null) {
            return known;
        }
        RuleSetRecord record = store.find(version).orElseThrow(() -> new RuleSetNotFoundException(version));
        RuleSetCompiler.Build build = compiler.build(version, record.label(), store.files(version));
        if (!build.succeeded()) {
            throw new RuleSetRefusedException(version, build.problems());
        }
        log.info("Rule set version {} compiled and checked in {} ms", version, build.millis());
        CompiledRuleSet built = build.compiled();
        warmUp(built);
        compiled.put(version, built);
        return built;
    }

    /**
     * Loads the classes a first evaluation needs before any application waits on them: a freshly
     * compiled rule base is slow the first time, and evaluations have a time limit.
     */
    private static void warmUp(CompiledRuleSet rules) {
        try {
            rules.assess(new Application(), LocalDate.of(2026, 1, 1), List.of());
        } catch (RuntimeException incomplete) {
            // an empty application reaches no outcome; its classes are loaded all the same
        }
    }

    /** The version a decision names, compiled. */
    public CompiledRuleSet labelled(String label) {
        RuleSetRecord record = store.labelled(label).orElseThrow(() -> new RuleSetNotFoundException(label));
        return compiled(record.version());
    }

    public String shippedHash() {
        return shippedHash;
    }

    /** Keeps a build validation already made, so that publishing it compiles nothing again. */
    public synchronized void remember(CompiledRuleSet rules) {
        compiled.put(rules.version(), rules);
    }
}
