package org.blended.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a free loopback port that a test puts between the service and a server
 * (PostgreSQL, RabbitMQ) to take the server away on purpose:
 * <ul>
 * <li>{@link #cut()}: every open connection is closed at once and new ones are closed as soon as
 * they are accepted, as when the server goes down;</li>
 * <li>{@link #blackhole()}: connections stay open, new ones are accepted, and nothing is
 * forwarded either way, as when the network drops packets; only timeouts notice;</li>
 * <li>{@link #restore()}: new connections reach the server again. Connections that were
 * blackholed are closed then, since what they sent was lost.</li>
 * </ul>
 * Plain threads, two per connection: meant for the few connections of a pool, not for load.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode { OPEN, CUT, BLACKHOLE }

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.OPEN;

    private TcpProxy(ServerSocket server, String targetHost, int targetPort) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** Listens on a free loopback port and forwards every connection to the target. */
    public static TcpProxy start(String targetHost, int targetPort) throws IOException {
        ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        TcpProxy proxy = new TcpProxy(server, targetHost, targetPort);
        daemon("tcp-proxy-" + server.getLocalPort() + "-accept", proxy::accept).start();
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Closes every open connection; new ones are closed as soon as accepted, until {@link #restore()}. */
    public void cut() {
        mode = Mode.CUT; // set before closing: a connection accepted meanwhile sees it (see accept)
        links.forEach(Link::close);
    }

    /** Forwards nothing from now on, either way, on open and new connections alike, until {@link #restore()}. */
    public void blackhole() {
        mode = Mode.BLACKHOLE;
        links.forEach(link -> link.silenced = true);
    }

    /** New connections reach the target again; blackholed ones are closed, having lost what was sent. */
    public void restore() {
        mode = Mode.OPEN;
        links.stream().filter(link -> link.silenced).forEach(Link::close);
    }

    /** Connections open through the proxy now, forwarded or held. */
    public int openConnections() {
        return links.size();
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        mode = Mode.CUT;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        links.forEach(Link::close);
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Link link = new Link(client);
            links.add(link);
            // Read after adding: cut() sets the mode before closing what it finds, so either it finds this link or we see CUT.
            Mode now = mode;
            if (now == Mode.CUT) {
                link.close();
            } else {
                link.silenced = now == Mode.BLACKHOLE;
                daemon("tcp-proxy-" + port() + "-link", link::open).start();
            }
        }
    }

    /** One client connection and, unless it is held silent from the start, its connection to the target. */
    private final class Link {
        private final Socket client;
        private volatile Socket target;
        private volatile boolean silenced;
        private volatile boolean closed;

        Link(Socket client) {
            this.client = client;
        }

        void open() {
            try {
                if (silenced) { // accepted in a blackhole: the target never hears of it
                    pump(client.getInputStream(), OutputStream.nullOutputStream());
                    return;
                }
                Socket connected = new Socket();
                connected.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
                target = connected;
                if (closed) { // cut while connecting
                    connected.close();
                    return;
                }
                daemon("tcp-proxy-" + port() + "-up", () -> pumpQuietly(client, connected)).start();
                pump(connected.getInputStream(), client.getOutputStream());
            } catch (IOException e) {
                // the target refused, or a side closed: either way this link is over
            } finally {
                close();
            }
        }

        private void pumpQuietly(Socket from, Socket to) {
            try {
                pump(from.getInputStream(), to.getOutputStream());
            } catch (IOException e) {
                // a side closed
            } finally {
                close();
            }
        }

        /** Copies until end of stream; while silenced, what arrives is read and dropped. */
        private void pump(InputStream in, OutputStream out) throws IOException {
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (!silenced) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        }

        void close() {
            closed = true;
            links.remove(this);
            closeQuietly(client);
            closeQuietly(target);
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
