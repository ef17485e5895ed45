package org.blended.service.portfolio.record;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The region an applicant serves: the postcode area (the leading letters, "SW" of "SW1A 1AA") most
 * of its postcodes lie in, the alphabetically first on a tie, so the same input always gives the
 * same region. UNKNOWN where no postcode is given or none starts with letters.
 */
final class PostcodeArea {

    static final String UNKNOWN = "UNKNOWN";

    private PostcodeArea() {
    }

    static String mostServed(List<String> postcodes) {
        Map<String, Integer> counts = new TreeMap<>();
        if (postcodes != null) {
            for (String postcode : postcodes) {
                String area = areaOf(postcode);
                if (area != null) {
                    counts.merge(area, 1, Integer::sum);
                }
            }
        }
        String best = UNKNOWN;
        int most = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    static String areaOf(String postcode) {
        if (postcode == null) {
            return null;
        }
        String text = postcode.strip().toUpperCase(Locale.ROOT);
        int letters = 0;
        while (letters < text.length() && letters < 2 && text.charAt(letters) >= 'A' && text.charAt(letters) <= 'Z') {
            letters++;
        }
        return letters == 0 ? null : text.substring(0, letters);
    }
}
