package org.blended.service.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.blended.service.Batches;

/**
 * CSV batches spoilt from the documented portfolio: one cell made hostile (formula-like text, NUL,
 * quotes, extremes), or the file as a whole (binary, header only, other encodings, ragged rows).
 * Every row's reference is made the case's own, so that rows of two cases never meet.
 */
final class HostileCsv {

    private static final List<String> CELLS = List.of("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1+1)", "=1+1",
            "\t=1+1", "\"=HYPERLINK(\"\"http://127.0.0.1\"\")\"", "\u0000", "a\u0000b", "\ud800", "\"unbalanced",
            "\"\"", "1e999999999", "1e-999999999", "99999999999999999999", "-1", "NaN", "null", "true", "2024-02-30",
            ";;;;", "x".repeat(70_000), "\r", "\u2028", "\u202eevil", "'; DROP TABLE rejection;--");

    private final Random random;
    private final String run;

    HostileCsv(long seed, String run) {
        this.random = new Random(seed);
        this.run = run;
    }

    List<HostileCase> make(String channel, int count) {
        List<HostileCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = channel + "-" + String.format("%04d", i);
            cases.add(i % 3 == 2 ? whole(id) : cell(id));
        }
        return cases;
    }

    private List<String> lines(String id) {
        List<String> lines = new ArrayList<>(Arrays.asList(Batches.portfolioCsv().split("\n")));
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, "H-" + run + "-" + id + "-" + lines.get(i));
        }
        return lines;
    }

    private HostileCase cell(String id) {
        List<String> lines = lines(id);
        int row = 1 + random.nextInt(lines.size() - 1);
        String[] cells = lines.get(row).split(",", -1);
        int column = random.nextInt(cells.length);
        String value = CELLS.get(random.nextInt(CELLS.size()));
        cells[column] = value;
        lines.set(row, String.join(",", cells));
        return new HostileCase(id, "row " + row + " cell " + column + " = " + HostileCases.printable(value),
                HostileCases.bytes(String.join("\n", lines) + "\n"), List.of(value));
    }

    private HostileCase whole(String id) {
        String csv = String.join("\n", lines(id)) + "\n";
        String header = csv.substring(0, csv.indexOf('\n') + 1);
        return switch (random.nextInt(9)) {
            case 0 -> {
                byte[] bytes = new byte[1 + random.nextInt(8192)];
                random.nextBytes(bytes);
                yield new HostileCase(id, "random binary", bytes, List.of());
            }
            case 1 -> new HostileCase(id, "the header row only", HostileCases.bytes(header), List.of());
            case 2 -> new HostileCase(id, "UTF-16LE", csv.getBytes(StandardCharsets.UTF_16LE), List.of());
            case 3 -> new HostileCase(id, "Latin-1 with an accented name",
                    csv.replace("Northern Light", "Caf\u00e9 Light").getBytes(StandardCharsets.ISO_8859_1), List.of());
            case 4 -> new HostileCase(id, "a row of 20000 cells", HostileCases.bytes(header + ",".repeat(20_000) + "\n"), List.of());
            case 5 -> new HostileCase(id, "CRLF and a UTF-8 BOM", HostileCases.bytes("\uFEFF" + csv.replace("\n", "\r\n")), List.of());
            case 6 -> new HostileCase(id, "a header of unknown and hostile names",
                    HostileCases.bytes("=cmd|' /C calc'!A0,\u0000,java.lang.Runtime,lenderReference\n1,2,3,4\n"),
                    List.of("=cmd|' /C calc'!A0", "java.lang.Runtime"));
            case 7 -> new HostileCase(id, "no bytes at all", new byte[0], List.of());
            default -> new HostileCase(id, "an unclosed quote", HostileCases.bytes(header + "\"" + csv.substring(header.length())), List.of());
        };
    }
}
