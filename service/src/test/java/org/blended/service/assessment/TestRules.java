package org.blended.service.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

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

    /** The shipped rule base, relative to the service module (the tests' working directory). */
    private static final Path SHIPPED = Path.of("..", "rules", "src", "main", "resources");
    private static final AtomicInteger BUILDS = new AtomicInteger(); // the KieRepository keeps every module by ReleaseId

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
     * The shipped rules and the given DRL compiled together, in memory, without the compiler's
     * checks: the slow rules pause in a function (Thread.sleep), which no stored rule set may do,
     * to stand for a rule set that is merely slow. That a rule set firing for ever passes those
     * checks is shown in RuleSetCompilerTest.
     */
    static KieBase shippedWith(String drl) {
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("org.blended.tests", "evaluation-limits", "1." + BUILDS.incrementAndGet());
        KieFileSystem files = ks.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        try (Stream<Path> shipped = Files.walk(SHIPPED)) {
            for (Path file : shipped.filter(Files::isRegularFile).toList()) {
                files.write("src/main/resources/" + SHIPPED.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.write("src/main/resources/org/blended/rules/runaway/runaway.drl", drl);
        var build = ks.newKieBuilder(files).buildAll(DrlProject.class);
        assertThat(build.getResults().getMessages(Message.Level.ERROR)).as("build errors").isEmpty();
        return ks.newKieContainer(releaseId).getKieBase("blended");
    }
}
