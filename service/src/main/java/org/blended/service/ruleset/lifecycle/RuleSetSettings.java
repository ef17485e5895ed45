package org.blended.service.ruleset.lifecycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requireApproval    a second policy owner, not the draft's author, must approve it before it is published
 * @param syncMillis         how often each instance checks for a version published on another
 * @param whatIfChunk        applications read and evaluated per step of a what-if run
 * @param scenarioSeconds    the longest a draft's Test Scenarios may take before its validation fails
 * @param minimumRowCoverage the least share of decision-table rows, in percent, that a draft's Test Scenarios
 *                           must make fire before it may be published
 */
@ConfigurationProperties("blended.rule-sets")
public record RuleSetSettings(boolean requireApproval, long syncMillis, int whatIfChunk, int scenarioSeconds,
                              double minimumRowCoverage) {

    @ConstructorBinding
    public RuleSetSettings(@DefaultValue("false") boolean requireApproval,
                           @DefaultValue("1000") long syncMillis,
                           @DefaultValue("500") int whatIfChunk,
                           @DefaultValue("120") int scenarioSeconds,
                           @DefaultValue("90") double minimumRowCoverage) {
        if (minimumRowCoverage < 0 || minimumRowCoverage > 100) {
            throw new IllegalArgumentException("blended.rule-sets.minimum-row-coverage is a percentage from 0 to 100, not "
                    + minimumRowCoverage);
        }
        this.requireApproval = requireApproval;
        this.syncMillis = syncMillis;
        this.whatIfChunk = whatIfChunk;
        this.scenarioSeconds = scenarioSeconds;
        this.minimumRowCoverage = minimumRowCoverage;
    }

    /** The settings before a minimum coverage was asked for: the default 90 %. */
    public RuleSetSettings(boolean requireApproval, long syncMillis, int whatIfChunk, int scenarioSeconds) {
        this(requireApproval, syncMillis, whatIfChunk, scenarioSeconds, 90);
    }
}
