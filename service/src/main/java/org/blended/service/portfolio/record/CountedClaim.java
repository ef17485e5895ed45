package org.blended.service.portfolio.record;

/**
 * One claim as the rules counted it.
 *
 * @param gbp         its value a year in GBP; null where the measure has no value
 * @param valueSource where the value per unit comes from (source; licence); null where none
 */
record CountedClaim(String measure, String unit, double gross, double net, String evidence, Double gbp,
                    String valueSource) {
}
