package org.blended.service.ruleset.lifecycle;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Rule-set settings, and the schedule on which each instance follows the active version. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(RuleSetSettings.class)
class RuleSetConfiguration {
}
