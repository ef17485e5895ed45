package org.blended.service.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.blended.service.ruleset.RuleContentGuard;
import org.blended.service.ruleset.RuleSetCompiler;
import org.blended.service.ruleset.RuleSetFile;
import org.blended.service.ruleset.ShippedRuleSet;
import org.kie.api.KieBase;

/**
 * The shipped rule base with rules that never end, or end too late, for applications whose
 * reference says so: STORM-... fires one rule again and again for ever; SLOW-... fires a rule 5,000
 * times, a millisecond each (well under the firing limit, well over the time limit); ENDLESS-...
 * does the same a million times. Every other application is decided by the shipped rules as usual.
 */
final class TestRules {

    static final String RUNAWAY_RULES = """
            package org.blended.rules.runaway;

            import org.blended.rules.application.Application;
            import org.blended.rules.assessment.Assessment;

            // modify() tells the engine the assessment changed, which activates this rule again: no no-loop stops it.
            rule "Storm: assess again and again"
            when
                Application( lenderReference != null, lenderReference.startsWith( "STORM" ) )
                $a : Assessment( ) @watch( * )
            then
                modify( $a ) { setSocialValuePerPound( 1.0 ) };
            end

            declare Tick
                count : int
                limit : int
            end

            rule "Slow: start counting"
            when
                Application( lenderReference != null, lenderReference.startsWith( "SLOW" ) )
                not Tick( )
            then
                insert( new Tick( 0, 5000 ) );
            end

            rule "Endless: start counting"
            when
                Application( lenderReference != null, lenderReference.startsWith( "ENDLESS" ) )
                not Tick( )
            then
                insert( new Tick( 0, 1000000 ) );
            end

            rule "Slow: count one more"
            when
                $t : Tick( count < limit )
            then
                pause();
                modify( $t ) { setCount( $t.getCount() + 1 ) };
            end

            function void pause() {
                try {
                    Thread.sleep( 1 );
                } catch ( InterruptedException e ) {
                    Thread.currentThread().interrupt();
                }
            }
            """;

    private static final AtomicInteger BUILDS = new AtomicInteger(); // a version number per build

    private static KieBase runaway;

    private TestRules() {
    }

    /** The shipped rules with {@link #RUNAWAY_RULES}, compiled once for all the tests of a run. */
    static synchronized KieBase runaway() {
        if (runaway == null) {
            runaway = shippedWith(RUNAWAY_RULES);
        }
        return runaway;
    }

    /**
     * The shipped rules and the given DRL compiled together through the compiler every stored rule
     * set goes through: a rule set that fires for ever passes its checks (nothing in its code loops),
     * so only the limits of an evaluation can stop it.
     */
    static KieBase shippedWith(String drl) {
        ShippedRuleSet shipped = new ShippedRuleSet();
        List<RuleSetFile> files = new ArrayList<>(shipped.files());
        files.add(new RuleSetFile("org/blended/rules/runaway/runaway.drl", drl.getBytes(StandardCharsets.UTF_8)));
        RuleSetCompiler.Build build = new RuleSetCompiler(new RuleContentGuard(), shipped)
                .build(BUILDS.incrementAndGet(), "runaway", files);
        assertThat(build.problems()).as("build problems").isEmpty();
        return build.compiled().kieBase();
    }
}
