package org.blended.service.ruleset.web;

import org.blended.service.whatif.WhatIfView;

/** How far a what-if has gone, in a sentence: the page shows it, and its script reads it out as the run goes. */
final class WhatIfProgress {

    private WhatIfProgress() {
    }

    static String text(WhatIfView run) {
        String count = run.done() + " of " + (run.total() == null ? run.done() : run.total()) + " applications";
        return switch (run.status()) {
            case "RUNNING" -> "The what-if is running: " + count + " assessed (" + run.percentDone() + "%).";
            case "FINISHED" -> "The what-if has finished: " + count + " assessed (" + run.percentDone() + "%).";
            default -> "The what-if failed after " + count + ".";
        };
    }
}
