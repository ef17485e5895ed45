package org.blended.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.blended.integration.intake.Channel;
import org.blended.service.Examples;
import org.blended.service.application.StoredApplication;
import org.blended.service.application.StoredApplicationRepository;
import org.blended.service.assessment.DecisionRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
@ActiveProfiles({"postgres", "test"})
class FileIntakeTest {

    static final Path INTAKE = Path.of("target", "file-intake-" + UUID.randomUUID());

    @DynamicPropertySource
    static void intakeFolder(DynamicPropertyRegistry registry) {
        registry.add("blended.intake.file.enabled", () -> "true");
        registry.add("blended.intake.file.directory", INTAKE::toString);
        registry.add("blended.intake.file.poll-delay-millis", () -> "200");
    }

    @Autowired
    StoredApplicationRepository applications;

    @Autowired
    DecisionRepository decisions;

    @Autowired
    RejectionRepository rejections;

    @Test
    void aDroppedApplicationIsDecidedAndMovedToDone() throws IOException {
        String reference = "FILE-" + UUID.randomUUID();
        String example = Examples.expectedOutcomes().keySet().iterator().next();
        drop("good-" + reference + ".json", Examples.withReference(example, reference));

        await().atMost(Duration.ofSeconds(30)).until(() -> filesIn("done").anyMatch(n -> n.startsWith("good-" + reference)));

        StoredApplication stored = applications.findByLenderReference(reference).get(0);
        assertThat(stored.getChannel()).isEqualTo(Channel.FILE);
        assertThat(stored.getSource()).isEqualTo("good-" + reference + ".json");
        assertThat(decisions.findByApplicationId(stored.getId())).hasValueSatisfying(
                d -> assertThat(d.getOutcome().name()).isEqualTo(Examples.expectedOutcomes().get(example)));
        assertThat(Files.exists(INTAKE.resolve("good-" + reference + ".json"))).isFalse();
    }

    @Test
    void aBadFileGoesToErrorWithItsReasonBesideItAndIsRecorded() throws IOException {
        String name = "bad-" + UUID.randomUUID() + ".json";
        drop(name, "{\"lenderReference\": \"X\", \"request\": {\"amount\": -1}}");

        await().atMost(Duration.ofSeconds(30)).until(() -> filesIn("error")
                .filter(n -> n.startsWith(name.replace(".json", ""))).count() == 2);

        List<String> inError = filesIn("error").filter(n -> n.startsWith(name.replace(".json", ""))).sorted().toList();
        assertThat(inError).hasSize(2);
        String reason = Files.readString(INTAKE.resolve("error").resolve(inError.get(1)));
        assertThat(reason).contains(name).contains("request.amount: must be greater than 0")
                .contains("applicant: must not be null").contains("Recorded as rejection");
        assertThat(Files.readString(INTAKE.resolve("error").resolve(inError.get(0)))).contains("\"amount\": -1");
        assertThat(rejections.findBySource(name)).singleElement().satisfies(r -> {
            assertThat(r.getChannel()).isEqualTo(Channel.FILE);
            assertThat(r.getReason()).contains("request.amount");
        });
    }

    private static void drop(String name, String content) throws IOException {
        Files.createDirectories(INTAKE);
        // Written aside then moved in, as a lender's export should, so the route never reads half a file.
        Path staged = Files.writeString(INTAKE.resolveSibling(name + ".part"), content);
        Files.move(staged, INTAKE.resolve(name));
    }

    private static Stream<String> filesIn(String folder) throws IOException {
        Path dir = INTAKE.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        }
    }
}
