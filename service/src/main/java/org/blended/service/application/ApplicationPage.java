package org.blended.service.application;

import java.util.List;

/** A page of the newest-first list; {@code next} (absent on the last page) is the {@code after} of the next one. */
record ApplicationPage(List<ApplicationSummary> items, String next) {
}
