package org.blended.service.hostile;

/**
 * The seed every case of a hostile run is made from: {@code -Dhostile.seed=N} repeats a run,
 * otherwise each run draws a new one, so that runs over time try different inputs. Printed at
 * the start and named in every failure.
 */
final class HostileSeed {

    static final long SEED = draw();

    private HostileSeed() {
    }

    private static long draw() {
        String given = System.getProperty("hostile.seed", System.getenv("HOSTILE_SEED"));
        long seed = given == null || given.isBlank() ? new java.security.SecureRandom().nextLong() : Long.parseLong(given.trim());
        System.out.println("Hostile input suite: seed " + seed + " (repeat with -Dhostile.seed=" + seed + ")");
        return seed;
    }

    /** The seed of one channel's cases, so each channel repeats alone whatever ran before it. */
    static long of(String channel) {
        return SEED ^ channel.hashCode();
    }

    static String rerun() {
        return "seed " + SEED + " (repeat with -Dhostile.seed=" + SEED + ")";
    }
}
