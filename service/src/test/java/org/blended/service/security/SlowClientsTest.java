package org.blended.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Clients that send a request body a byte at a time, more of them than the server has worker
 * threads, hold none: while they dribble, other requests answer at once, and each slow client is
 * answered 408 and closed once its body is late.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.tomcat.threads.max=10",
        "blended.security.request-body.grace=8s",
        "blended.security.request-body.min-bytes-per-second=100"})
@ActiveProfiles({"postgres", "test"})
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 40;
    private static final int DECLARED_BYTES = 1000;
    private static final Duration PROMPT = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    ServletContext servletContext;

    private final ScheduledExecutorService dribble = Executors.newScheduledThreadPool(2);
    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeEverything() throws IOException {
        dribble.shutdownNow();
        readers.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void slowBodiesHoldNoWorkerAndAreAnswered408OnceLate() throws Exception {
        String key = lenders.newLender().apiKey();
        AtomicInteger bytesSent = new AtomicInteger();
        Map<Integer, String> endings = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            Socket socket = new Socket("localhost", port);
            sockets.add(socket);
            OutputStream out = socket.getOutputStream();
            out.write(headers("/api/v1/applications", key, DECLARED_BYTES));
            out.flush();
            dribble.scheduleAtFixedRate(() -> {
                try {
                    out.write(' ');
                    out.flush();
                    bytesSent.incrementAndGet();
                } catch (IOException closed) {
                    throw new IllegalStateException("closed by the server", closed); // ends this client's dribble
                }
            }, 0, 1, TimeUnit.SECONDS);
            int client = i;
            CompletableFuture.runAsync(() -> endings.put(client, ending(socket)), readers);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> bytesSent.get() >= 2 * SLOW_CLIENTS);
        assertThat(endings).as("no slow client is answered while its body is in time").isEmpty();

        Http lender = new Http(port, key);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            millis.add(timed(() -> assertThat(lender.send(lender.request("/actuator/health").timeout(PROMPT).GET())
                    .statusCode()).isEqualTo(200)));
            millis.add(timed(() -> {
                HttpResponse<String> created = lender.send(lender.request("/api/v1/applications").timeout(PROMPT)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Examples.json("bakery-cic.json"))));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            }));
        }
        System.out.printf("With %d slow clients and 10 worker threads: %d normal requests answered in %d ms at most "
                + "(median %d ms)%n", SLOW_CLIENTS, millis.size(), millis.stream().mapToLong(Long::longValue).max().orElseThrow(),
                millis.stream().sorted().toList().get(millis.size() / 2));
        assertThat(endings).as("the slow clients were still in time").isEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> endings.size() == SLOW_CLIENTS);
        System.out.printf("All %d slow clients answered and closed %d ms after they connected%n", SLOW_CLIENTS,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertThat(endings.values()).allSatisfy(ending -> assertThat(ending).isIn("408 problem+json", "closed"));
        assertThat(endings.values()).contains("408 problem+json");
    }

    @Test
    void aBodyThatPausesButArrivesInTimeIsServed() throws Exception {
        String key = lenders.newLender().apiKey();
        byte[] body = Examples.json("bakery-cic.json").getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket("localhost", port);
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(headers("/api/v1/applications", key, body.length));
        out.write(body, 0, body.length / 2);
        out.flush();
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> statusLine(socket), readers);
        dribble.schedule(() -> {
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            return null;
        }, 2, TimeUnit.SECONDS).get();

        assertThat(answer.get(10, TimeUnit.SECONDS)).startsWith("HTTP/1.1 201");
    }

    @Test
    void aBodyPastTheMemoryThresholdWaitsInATemporaryFileThatIsDeletedOnceAnswered() throws Exception {
        String key = lenders.newLender().apiKey();
        byte[] body = ("{\"lenderReference\": \"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket("localhost", port);
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(headers("/api/v1/applications", key, body.length));
        out.write(body, 0, 100_000);
        out.flush();
        await().atMost(Duration.ofSeconds(5)).until(() -> bodyFiles().size() == 1);

        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> statusLine(socket), readers);
        out.write(body, 100_000, body.length - 100_000);
        out.flush();

        assertThat(answer.get(10, TimeUnit.SECONDS)).as("read whole, then judged").startsWith("HTTP/1.1 400");
        await().atMost(Duration.ofSeconds(5)).until(() -> bodyFiles().isEmpty());
    }

    private List<Path> bodyFiles() throws IOException {
        try (Stream<Path> files = Files.list(((File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath())) {
            return files.filter(file -> file.getFileName().toString().startsWith("request-body-")).toList();
        }
    }

    private byte[] headers(String path, String key, int contentLength) {
        return ("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nX-API-Key: " + key
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** "408 problem+json" when the server answered so, "closed" when it closed without answering, else the status line. */
    private static String ending(Socket socket) {
        try {
            socket.setSoTimeout(60_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            if (status == null) {
                return "closed";
            }
            boolean problem = false;
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                problem |= header.equalsIgnoreCase("Content-Type: application/problem+json");
            }
            return status.startsWith("HTTP/1.1 408") && problem ? "408 problem+json" : status;
        } catch (IOException e) {
            return "closed";
        }
    }

    private static String statusLine(Socket socket) {
        try {
            socket.setSoTimeout(10_000);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static long timed(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
