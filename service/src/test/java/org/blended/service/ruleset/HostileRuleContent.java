package org.blended.service.ruleset;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.ShippedRuleSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Rule content a hostile author could upload. Each case tries to write a file (or read one back)
 * under a marker path, so a test can prove afterwards that nothing of it ran; each says what the
 * service must answer: the file, where in it, and a phrase of the refusal.
 */
public final class HostileRuleContent {

    /**
     * Every case writes or reads under here; nothing may exist here after any compile path has seen the case.
     * One folder per test JVM, so that test runs side by side on one machine do not empty each other's.
     */
    public static final Path MARKERS = Path.of(System.getProperty("java.io.tmpdir"), "blended-hostile-" + ProcessHandle.current().pid());

    public record Case(String name, RuleSetFile file, String where, String refusal) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HostileRuleContent() {
    }

    static String marker(String name) {
        return MARKERS.resolve(name).toString();
    }

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.add(consequence("exit", "System.exit(1);", "calls java.lang.System.exit"));
        cases.add(consequence("runtime-exec", "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + marker("exec") + "\"});",
                "calls java.lang.Runtime.getRuntime"));
        cases.add(consequence("process-builder", "new ProcessBuilder(\"touch\", \"" + marker("process") + "\").start();",
                "uses java.lang.ProcessBuilder"));
        cases.add(consequence("file-writer", "new java.io.FileWriter(\"" + marker("writer") + "\").close();",
                "uses java.io.FileWriter"));
        cases.add(consequence("nio-files", "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker("nio")
                + "\"), \"x\");", "calls java.nio.file.Path.of"));
        cases.add(consequence("get-class-for-name", "\"\".getClass().forName(\"java.lang.Runtime\");",
                "calls java.lang.Object.getClass"));
        cases.add(consequence("class-for-name", "Class.forName(\"java.lang.Runtime\");", "calls java.lang.Class.forName"));
        cases.add(consequence("class-loader", "Reason.class.getClassLoader().loadClass(\"java.lang.Runtime\");",
                "calls java.lang.Class.getClassLoader"));
        cases.add(consequence("thread", "new Thread(() -> { }).start();", "uses java.lang.Thread"));
        cases.add(consequence("environment", "System.getenv(\"DATABASE_PASSWORD\");", "calls java.lang.System.getenv"));
        cases.add(consequence("system-property", "System.setProperty(\"user.dir\", \"" + marker("property") + "\");",
                "calls java.lang.System.setProperty"));
        cases.add(consequence("method-handles", "java.lang.invoke.MethodHandles.lookup();",
                "calls java.lang.invoke.MethodHandles.lookup"));
        cases.add(consequence("script-engine", "new javax.script.ScriptEngineManager();", "uses javax.script.ScriptEngineManager"));
        cases.add(consequence("engine-runtime", "drools.getRuntime(org.kie.api.runtime.KieRuntime.class).halt();",
                "calls org.drools.model.Drools.getRuntime"));
        cases.add(consequence("enum-declaring-class", "Theme.FINANCIAL.getDeclaringClass();",
                "getDeclaringClass, which rule code may not use"));
        // MVEL dialect reflection, as seen: a class used as a value, walked to a file through its code source
        cases.add(consequence("protection-domain", "Reason.class.getProtectionDomain().getCodeSource().getLocation()"
                + ".toURI().resolve(\"/etc/hostname\").toURL().openStream();", "calls java.lang.Class.getProtectionDomain"));
        cases.add(consequence("while-loop", "int n = 0; while (n >= 0) { n++; }", "loops"));
        cases.add(consequence("for-loop", "for (int i = 0; i < 10; i++) { $a.setOutcome(null); }", "loops"));
        cases.add(consequence("synchronized", "synchronized ($a) { $a.setOutcome(null); }", "synchronizes on a lock"));
        cases.add(consequence("array-bomb", "long[] huge = new long[Integer.MAX_VALUE - 8];", "makes an array"));
        cases.add(consequence("unicode-escape", "// \\u000a System.exit(0);", "calls java.lang.System.exit"));
        cases.add(drl("import-java-class", """
                package org.blended.rules.hostile;

                import java.io.File;
                import org.blended.rules.assessment.Assessment;

                rule "Hostile import"
                when
                    $a : Assessment()
                then
                    new File("%s").delete();
                end
                """.formatted(marker("import")), "line 6", "uses java.io.File"));
        cases.add(drl("import-function", """
                package org.blended.rules.hostile;

                import function java.lang.System.exit;
                import org.blended.rules.assessment.Assessment;

                rule "Hostile function import"
                when
                    $a : Assessment()
                then
                    exit(1);
                end
                """, "line 6", "calls java.lang.System.exit"));
        cases.add(drl("global", """
                package org.blended.rules.hostile;

                global java.util.List results;
                """, "line 3", "declares the global results"));
        cases.add(drl("mvel-dialect", """
                package org.blended.rules.hostile;

                import org.blended.rules.assessment.Assessment;

                rule "Hostile dialect"
                    dialect "mvel"
                when
                    $a : Assessment()
                then
                    System.exit(1);
                end
                """, "line 5", "uses the MVEL dialect"));
        cases.add(drl("mvel-package", """
                package org.mvel2;

                import org.blended.rules.assessment.Assessment;

                rule "Hostile package"
                when
                    $a : Assessment()
                then
                    MVEL.eval("new java.io.File('%s').createNewFile()");
                end
                """.formatted(marker("mvel")), "line 1", "rule sets must use packages under org.blended.rules"));
        cases.add(drl("function-socket", """
                package org.blended.rules.hostile;

                function void call() {
                    new java.net.Socket("127.0.0.1", 9);
                }
                """, "line 3", "uses java.net.Socket"));
        cases.add(drl("recursion", """
                package org.blended.rules.hostile;

                import org.blended.rules.assessment.Assessment;

                function int deeper(int n) {
                    return n <= 0 ? 0 : deeper(n - 1) + deeper(n - 1);
                }

                rule "Hostile recursion"
                when
                    $a : Assessment()
                then
                    deeper(64);
                end
                """, "line 5", "calls itself"));
        cases.add(drl("eval-constraint", """
                package org.blended.rules.hostile;

                import org.blended.rules.assessment.Assessment;

                rule "Hostile eval"
                when
                    Assessment()
                    eval( System.getenv("DATABASE_PASSWORD") != null )
                then
                end
                """, "line 5", "calls java.lang.System.getenv"));
        cases.add(drl("from-expression", """
                package org.blended.rules.hostile;

                import org.blended.rules.assessment.Assessment;

                rule "Hostile from"
                when
                    Assessment()
                    $line : String() from java.nio.file.Path.of("/etc/hostname").toString()
                then
                end
                """, "line 5", "java.nio.file"));
        cases.add(csv("table-code-row", """
                RuleSet,org.blended.rules.hostile
                Import,org.blended.rules.assessment.*
                RuleTable Hostile
                CONDITION,ACTION
                $a: Assessment,
                "outcome == null","System.exit($param);"
                Condition,Action
                ,1
                """, "row 8", "calls java.lang.System.exit"));
        cases.add(csv("table-parameter-cell", """
                RuleSet,org.blended.rules.hostile
                Import,org.blended.rules.assessment.*
                RuleTable Hostile
                CONDITION,ACTION
                $a: Assessment,
                "outcome == null","int points = $param;"
                Condition,Action
                ,"1; Runtime.getRuntime().halt(0)"
                """, "row 8", "calls java.lang.Runtime.getRuntime"));
        cases.add(csv("table-mvel-package", """
                RuleSet,org.mvel2
                Import,org.blended.rules.assessment.*
                RuleTable Hostile
                CONDITION,ACTION
                $a: Assessment,
                "outcome == null","MVEL.eval(""new java.io.File('%s').createNewFile()"");"
                Condition,Action
                ,x
                """.formatted(marker("table-mvel")), null, "rule sets must use packages under org.blended.rules"));
        cases.add(xlsx("xlsx-runtime", List.of(
                List.of("RuleSet", "org.blended.rules.hostile"),
                List.of("Import", "org.blended.rules.assessment.*"),
                List.of("RuleTable Hostile"),
                List.of("CONDITION", "ACTION"),
                List.of("$a: Assessment", ""),
                List.of("outcome == null", "Runtime.getRuntime().exec(\"touch " + marker("xlsx") + "-$param\");"),
                List.of("Condition", "Action"),
                List.of("", "1")), "row 8", "calls java.lang.Runtime.getRuntime"));
        cases.add(scenario("scenario-json-expression", "\"# new java.io.File(\\\"" + marker("scenario")
                + "\\\").createNewFile()\"", "expressions are not allowed"));
        return cases;
    }

    /** The shipped eligibility scenarios with one expected cell (scenario 2's reason codes) holding the given value. */
    private static Case scenario(String name, String value, String refusal) {
        String anchor = "<rawValue class=\"string\">{&quot;E1&quot;:{&quot;value&quot;:&quot;E1-INELIGIBLE-FORM&quot;},"
                + "&quot;D1&quot;:{&quot;value&quot;:&quot;D1-READINESS&quot;}}</rawValue>";
        RuleSetFile eligibility = new ShippedRuleSet().files().stream()
                .filter(f -> f.name().equals("eligibility.scesim")).findFirst().orElseThrow();
        if (!eligibility.text().contains(anchor)) {
            throw new IllegalStateException("the shipped eligibility scenarios changed: no " + anchor);
        }
        String xml = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        String hostile = eligibility.text().replace(anchor, "<rawValue class=\"string\">" + xml + "</rawValue>");
        return new Case(name, new RuleSetFile(eligibility.path(), bytes(hostile)), null, refusal);
    }

    private static Case consequence(String name, String code, String refusal) {
        String drl = """
                package org.blended.rules.hostile;

                import org.blended.rules.assessment.Assessment;
                import org.blended.rules.assessment.Reason;
                import org.blended.rules.assessment.Theme;

                rule "Hostile %s"
                when
                    $a : Assessment()
                then
                    %s
                end
                """.formatted(name, code);
        return new Case(name, new RuleSetFile("org/blended/rules/hostile/" + name + ".drl", bytes(drl)), "line 7", refusal);
    }

    private static Case drl(String name, String drl, String where, String refusal) {
        return new Case(name, new RuleSetFile("org/blended/rules/hostile/" + name + ".drl", bytes(drl)), where, refusal);
    }

    private static Case csv(String name, String table, String where, String refusal) {
        return new Case(name, new RuleSetFile("org/blended/rules/hostile/" + name + ".drl.csv", bytes(table)), where, refusal);
    }

    private static Case xlsx(String name, List<List<String>> rows, String where, String refusal) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Hostile");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return new Case(name, new RuleSetFile("org/blended/rules/hostile/" + name + ".drl.xlsx", out.toByteArray()), where, refusal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
