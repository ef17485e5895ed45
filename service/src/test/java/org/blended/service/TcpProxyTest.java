package org.blended.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against an echo server: forwards both ways, cuts, blackholes and restores. */
class TcpProxyTest {

    private ServerSocket echo;
    private final AtomicInteger echoConnections = new AtomicInteger();
    private TcpProxy proxy;
    private final List<Socket> clients = new ArrayList<>();

    @BeforeEach
    void startEchoServerBehindProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    echoConnections.incrementAndGet();
                    Thread echoing = new Thread(() -> {
                        try (socket) {
                            socket.getInputStream().transferTo(socket.getOutputStream());
                        } catch (IOException ignored) {
                            // the proxy closed it
                        }
                    });
                    echoing.setDaemon(true);
                    echoing.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        proxy = TcpProxy.start("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBothWays() throws IOException {
        Socket client = connect();
        assertThat(roundTrip(client, "hello")).isEqualTo("hello");
        assertThat(roundTrip(client, "again")).isEqualTo("again");
        assertThat(proxy.port()).isNotEqualTo(echo.getLocalPort());
    }

    @Test
    void manyConnectionsAtOnce() throws IOException {
        List<Socket> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(connect());
        }
        for (int i = 0; i < many.size(); i++) {
            assertThat(roundTrip(many.get(i), "client " + i)).isEqualTo("client " + i);
        }
        assertThat(proxy.openConnections()).isEqualTo(20);
    }

    @Test
    void cutClosesOpenConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
        Socket open = connect();
        assertThat(roundTrip(open, "before")).isEqualTo("before");

        proxy.cut();

        assertThat(endOfStream(open)).as("an open connection is closed at once").isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> proxy.openConnections() == 0);
        Socket during = connect();
        assertThat(endOfStream(during)).as("a new connection is closed as soon as accepted").isTrue();
        int reachedTarget = echoConnections.get();

        proxy.restore();

        Socket after = connect();
        assertThat(roundTrip(after, "after")).isEqualTo("after");
        assertThat(echoConnections.get()).isEqualTo(reachedTarget + 1);
    }

    @Test
    void blackholeForwardsNothingAndRestoreClosesWhatItHeld() throws IOException {
        Socket open = connect();
        assertThat(roundTrip(open, "before")).isEqualTo("before");
        int reachedTarget = echoConnections.get();

        proxy.blackhole();

        open.getOutputStream().write("lost".getBytes(StandardCharsets.UTF_8));
        assertThat(silent(open)).as("nothing comes back, and the connection stays open").isTrue();
        Socket during = connect();
        during.getOutputStream().write("lost too".getBytes(StandardCharsets.UTF_8));
        assertThat(silent(during)).as("a new connection is accepted and hears nothing").isTrue();
        assertThat(echoConnections.get()).as("the target never hears of it").isEqualTo(reachedTarget);

        proxy.restore();

        assertThat(endOfStream(open)).as("what was sent into the blackhole is lost: the connection ends").isTrue();
        assertThat(endOfStream(during)).isTrue();
        assertThat(roundTrip(connect(), "after")).isEqualTo("after");
    }

    @Test
    void aClosedProxyRefusesConnections() throws IOException {
        Socket open = connect();
        int port = proxy.port();

        proxy.close();

        assertThat(endOfStream(open)).isTrue();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    private Socket connect() throws IOException {
        Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        client.setSoTimeout(5_000);
        clients.add(client);
        return client;
    }

    private static String roundTrip(Socket client, String text) throws IOException {
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        client.getOutputStream().write(sent);
        byte[] received = client.getInputStream().readNBytes(sent.length);
        return new String(received, StandardCharsets.UTF_8);
    }

    /** The connection ends (end of stream or reset) rather than staying open. */
    private static boolean endOfStream(Socket client) throws IOException {
        try {
            InputStream in = client.getInputStream();
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Nothing arrives for a while, and the connection is not closed either. */
    private static boolean silent(Socket client) throws IOException {
        client.setSoTimeout(500);
        try {
            client.getInputStream().read(); // a byte or end of stream: not silent
            return false;
        } catch (SocketTimeoutException nothing) {
            return true;
        } finally {
            client.setSoTimeout(5_000);
        }
    }
}
