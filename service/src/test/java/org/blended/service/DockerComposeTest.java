package org.blended.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file and the README's Docker section agree: the same services, published ports and
 * environment variables; and every BLENDED_* variable sets a property the service has (a misspelt
 * one would be ignored without a word).
 */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("..", "docker", "compose.yaml");
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern BACKTICKED_NUMBER = Pattern.compile("`(\\d+)`");
    private static final Pattern BACKTICKED_VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

    record Service(Set<String> ports, Set<String> environment) {
    }

    @Test
    void theReadmeNamesTheComposeFilesServicesPortsAndVariables() throws IOException {
        assertThat(documented()).as("the README's Docker table, against the compose file").isEqualTo(composed());
    }

    @Test
    void everyBlendedVariableInTheComposeFileSetsAPropertyOfTheService() throws IOException {
        Set<String> settable = new TreeSet<>();
        for (String file : List.of("application.yml", "application-postgres.yml")) {
            try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", file))) {
                for (String property : flatten("", new Yaml().load(in))) {
                    String upper = property.replace('.', '_').toUpperCase(Locale.ROOT);
                    settable.add(upper.replace("-", "")); // Spring's canonical form
                    settable.add(upper.replace('-', '_')); // and the form it also accepts
                }
            }
        }

        assertThat(composed().get("blended").environment()).filteredOn(name -> name.startsWith("BLENDED_"))
                .isNotEmpty().allSatisfy(name -> assertThat(settable).as("properties settable from the environment").contains(name));
    }

    @Test
    void theFileDropsAndTheBatchSpoolAreOnVolumes() throws IOException {
        Map<String, Object> blended = service(compose(), "blended");
        List<String> mounted = new ArrayList<>();
        for (Object volume : (List<?>) blended.get("volumes")) {
            String[] parts = volume.toString().split(":");
            mounted.add(parts[1]);
        }
        Map<?, ?> environment = (Map<?, ?>) blended.get("environment");

        for (String folder : List.of("BLENDED_INTAKE_FILE_DIRECTORY", "BLENDED_INTAKE_BATCH_SPOOL_DIRECTORY")) {
            assertThat(mounted).as(folder + " survives the container").anySatisfy(
                    target -> assertThat(environment.get(folder).toString()).startsWith(target));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Service> composed() throws IOException {
        Map<String, Service> services = new TreeMap<>();
        Map<String, Object> compose = compose();
        for (String name : ((Map<String, Object>) compose.get("services")).keySet()) {
            Map<String, Object> service = service(compose, name);
            Set<String> ports = new TreeSet<>();
            for (Object port : (List<?>) service.getOrDefault("ports", List.of())) {
                String[] parts = port.toString().split(":"); // [address:]published:container
                ports.add(parts[parts.length - 2]);
            }
            services.put(name, new Service(ports, new TreeSet<>(((Map<String, Object>) service.getOrDefault(
                    "environment", Map.of())).keySet())));
        }
        return services;
    }

    /** The table of the README's Docker section: service, published ports, environment. */
    private static Map<String, Service> documented() throws IOException {
        String readme = Files.readString(README);
        String docker = readme.substring(readme.indexOf("\n## Docker\n"));
        docker = docker.substring(0, docker.indexOf("\n## ", 1));
        Map<String, Service> services = new TreeMap<>();
        for (String line : docker.lines().filter(line -> line.startsWith("| `")).toList()) {
            String[] cells = line.split("\\|");
            services.put(cells[1].trim().replace("`", ""),
                    new Service(all(BACKTICKED_NUMBER, cells[2]), all(BACKTICKED_VARIABLE, cells[3])));
        }
        return services;
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Map<String, Object> compose() throws IOException {
        try (InputStream in = Files.newInputStream(COMPOSE)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> flatten(String prefix, Object node) {
        List<String> keys = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            new LinkedHashMap<>((Map<String, Object>) map).forEach(
                    (key, value) -> keys.addAll(flatten(prefix.isEmpty() ? key : prefix + "." + key, value)));
        } else {
            keys.add(prefix);
        }
        return keys;
    }
}
