package org.blended.service.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged service jar run as its own process, as in production, so that it can be killed
 * with SIGKILL: nothing of it runs in the test's JVM, no shutdown hook or {@code @PreDestroy} helps it.
 */
final class ServiceProcess {

    static final Path JAR = Path.of("target", "blended-service.jar");

    private final List<String> arguments;
    private final Path logs;
    private final int port;
    private Process process;
    private int starts;

    ServiceProcess(List<String> arguments, Path logs) {
        this.arguments = arguments;
        this.logs = logs;
        this.port = freePort();
    }

    int port() {
        return port;
    }

    /** Starts the jar and waits until its health endpoint answers UP; returns how long that took. */
    Duration start() {
        long started = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g", "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port));
        command.addAll(arguments);
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve("instance-" + (++starts) + ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .alias("instance " + starts + " answers UP (log in " + logs + ")")
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the service stopped with exit code " + process.exitValue()
                                + "; see " + logs);
                    }
                    return up();
                });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGKILL: the process ends at once, whatever it was doing. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then SIGKILL if it does not end in time. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private boolean up() {
        try {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
