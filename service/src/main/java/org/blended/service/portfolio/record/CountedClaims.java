package org.blended.service.portfolio.record;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.blended.rules.application.Application;
import org.blended.rules.application.Claim;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.NetClaim;
import org.blended.rules.assessment.Reason;
import org.blended.service.decision.Assessed;

/**
 * Each claim of an assessed application counted as the rules count it: {@link NetClaim#counted} with
 * the evidence weights the rule set gave the assessment (the very call the rules make), and valued
 * as the rules valued it. The rules keep their net claims inside the session; what leaves it is the
 * assessment and its reasons, so the value per unit and its source are read from the "SV-" reason
 * each valued claim produced ("2.4 FTE net x GBP 260.0 = GBP 624 a year (source; licence).").
 */
final class CountedClaims {

    private static final Pattern VALUED = Pattern.compile(
            "(?s)^(-?[0-9.E]+) .* net x GBP (-?[0-9.E]+) = GBP -?[0-9.E]+ a year \\((.*)\\)\\.$");

    private CountedClaims() {
    }

    static List<CountedClaim> of(Assessed assessed) {
        Assessment assessment = assessed.assessment();
        Application application = assessed.application();
        if (assessment.getWeightSelfReported() == null || application.getImpact() == null) {
            return List.of(); // the rules stopped before counting claims (a hard stop): none were counted
        }
        List<Valued> valued = valuedBy(assessment);
        List<CountedClaim> counted = new ArrayList<>();
        for (Claim claim : application.getImpact().getClaims()) {
            if (claim.getValue() == null || claim.getMeasure() == null || claim.getEvidence() == null) {
                continue;
            }
            NetClaim net = NetClaim.counted(claim, application, assessment);
            Valued value = net.getNet() > 0 ? take(valued, net) : null;
            Double gbp = null;
            if (value != null) {
                net.setGbpPerUnit(value.gbpPerUnit());
                gbp = net.getGbp();
            }
            counted.add(new CountedClaim(net.getMeasure().name(), net.getMeasure().getUnit(), net.getGross(), net.getNet(),
                    net.getEvidence().name(), gbp, value == null ? null : value.source()));
        }
        return counted;
    }

    /** The valued claims the reasons state, each to be matched with one counted claim. */
    private static List<Valued> valuedBy(Assessment assessment) {
        List<Valued> valued = new ArrayList<>();
        for (Reason reason : assessment.getReasons()) {
            String code = reason.getCode();
            if (code == null || !code.startsWith("SV-") || code.startsWith("SV-COUNTED-")) {
                continue;
            }
            Matcher m = VALUED.matcher(reason.getText());
            if (m.matches()) {
                valued.add(new Valued(code.substring(3), Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                        m.group(3)));
            }
        }
        return valued;
    }

    /** The value stated for this measure and this net figure (removed, so two equal claims take one each). */
    private static Valued take(List<Valued> valued, NetClaim net) {
        for (int i = 0; i < valued.size(); i++) {
            Valued v = valued.get(i);
            if (v.measure().equals(net.getMeasure().name()) && v.net() == net.getNet()) {
                return valued.remove(i);
            }
        }
        return null;
    }

    private record Valued(String measure, double net, double gbpPerUnit, String source) {
    }
}
