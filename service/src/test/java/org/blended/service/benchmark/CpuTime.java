package org.blended.service.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM, PostgreSQL and RabbitMQ, read from Linux's /proc, so that
 * a phase of the benchmark can say where its CPU went. Elsewhere it reads nothing.
 */
record CpuTime(Map<String, Long> millisByProcess) {

    private static final long TICK_MILLIS = 10; // USER_HZ is 100 on Linux
    private static final Map<String, String> NAMES = Map.of("postgres", "PostgreSQL", "beam.smp", "RabbitMQ");

    static CpuTime now() {
        Map<String, Long> millis = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String name = Long.parseLong(p.getFileName().toString()) == self ? "service JVM" : NAMES.get(command);
                    if (name != null) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                        millis.merge(name, ticks * TICK_MILLIS, Long::sum);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            });
        } catch (IOException noProc) {
            return new CpuTime(Map.of());
        }
        return new CpuTime(millis);
    }

    /** Microseconds of CPU per application since {@code before}, by process. */
    String perApplicationSince(CpuTime before, int applications) {
        StringBuilder line = new StringBuilder();
        millisByProcess.forEach((name, millis) -> line.append(line.isEmpty() ? "" : ", ").append(String.format("%s %,d",
                name, (millis - before.millisByProcess.getOrDefault(name, 0L)) * 1000 / applications)));
        return line.isEmpty() ? "not readable here" : line + " us";
    }
}
