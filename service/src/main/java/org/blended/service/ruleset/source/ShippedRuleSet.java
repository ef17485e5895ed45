package org.blended.service.ruleset.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The rule base built into the service (the blended-rules kjar, compiled to the executable model
 * at build time) and its Test Scenarios. It is imported as a version on first start; whenever that
 * version runs, the prebuilt kjar runs it rather than a fresh compile, after the same check of its classes.
 */
@Component
public class ShippedRuleSet {

    public static final String RULES_ROOT = "org/blended/rules/";
    public static final String SCENARIOS = "scenarios/";

    private final List<RuleSetFile> files;
    private final String label;
    private final String contentHash;
    private volatile KieContainer container;

    public ShippedRuleSet() {
        this.files = readFiles();
        this.label = "blended-rules-" + readVersion();
        this.contentHash = RuleSetContent.hash(files);
    }

    public List<RuleSetFile> files() {
        return files;
    }

    public String label() {
        return label;
    }

    public String contentHash() {
        return contentHash;
    }

    /** The prebuilt kjar, loaded once on first use; only {@link RuleSetCompiler} hands it out, once its classes pass the check. */
    public KieContainer container() {
        KieContainer loaded = container;
        if (loaded == null) {
            synchronized (this) {
                if (container == null) {
                    container = KieServices.get().getKieClasspathContainer(getClass().getClassLoader());
                }
                loaded = container;
            }
        }
        return loaded;
    }

    private static List<RuleSetFile> readFiles() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(ShippedRuleSet.class.getClassLoader());
        List<RuleSetFile> found = new ArrayList<>();
        try {
            for (String pattern : List.of("**/*.drl", "**/*.csv", "**/*.xlsx")) {
                for (Resource resource : resolver.getResources("classpath*:" + RULES_ROOT + pattern)) {
                    String url = resource.getURL().toString();
                    found.add(new RuleSetFile(url.substring(url.lastIndexOf(RULES_ROOT)), read(resource)));
                }
            }
            for (Resource resource : resolver.getResources("classpath*:shipped-rule-set/scenarios/*.scesim")) {
                found.add(new RuleSetFile(SCENARIOS + resource.getFilename(), read(resource)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the shipped rule base", e);
        }
        if (found.stream().noneMatch(RuleSetFile::isRules)) {
            throw new IllegalStateException("The shipped rule base (blended-rules) is not on the classpath");
        }
        found.sort(Comparator.comparing(RuleSetFile::path));
        return List.copyOf(found);
    }

    private static byte[] read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String readVersion() {
        try (InputStream in = ShippedRuleSet.class.getClassLoader().getResourceAsStream(RULES_ROOT + "rule-set.properties")) {
            if (in == null) {
                throw new IllegalStateException("The rule base carries no " + RULES_ROOT + "rule-set.properties");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
