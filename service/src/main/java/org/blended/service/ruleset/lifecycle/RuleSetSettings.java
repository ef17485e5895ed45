package org.blended.service.ruleset.lifecycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requireApproval a second policy owner, not the draft's author, must approve it before it is published
 * @param syncMillis      how often each instance checks for a version published on another
 * @param whatIfChunk     applications read and evaluated per step of a what-if run
 * @param scenarioSeconds the longest a draft's Test Scenarios may take before its validation fails
 */
@ConfigurationProperties("blended.rule-sets")
public record RuleSetSettings(@DefaultValue("false") boolean requireApproval,
                              @DefaultValue("1000") long syncMillis,
                              @DefaultValue("500") int whatIfChunk,
                              @DefaultValue("120") int scenarioSeconds) {
}
