package org.blended.service.whatif;

import java.time.Instant;
import java.util.UUID;

/**
 * What a finished what-if found, in brief: against which active version, over how many stored
 * applications (all of them, or a part: a lender's, or those received in some dates), how many
 * would change outcome or reasons, and how many of those their outcome.
 */
record WhatIfEffect(UUID id, int activeVersion, Instant finishedAt, int applications, int changed,
                    int outcomesChanged, boolean everyApplication) {
}
