package org.blended.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Files dropped into a lender's intake folder, and what the route left in its folders, as tests see them. */
public final class IntakeFolder {

    private IntakeFolder() {
    }

    /** Written aside then moved in, as a lender's export should, so the route never reads half a file. */
    public static void drop(Path intake, String lenderCode, String name, String content) throws IOException {
        Path folder = Files.createDirectories(intake.resolve(lenderCode));
        Path staged = Files.writeString(intake.resolveSibling(name + ".part"), content);
        Files.move(staged, folder.resolve(name));
    }

    /** The names of the files in a folder below the intake folder, none when it does not exist yet. */
    public static Stream<String> filesIn(Path intake, String folder) throws IOException {
        Path dir = intake.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        }
    }
}
