package org.blended.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/** The real RabbitMQ on 127.0.0.1 as a lender's system sees it: broker users per lender, publishing, dead letters. */
public final class Broker {

    public static final String PASSWORD = "broker-test-password";
    public static final String EXCHANGE = "blended.applications";
    public static final String DEAD_LETTERS = "blended.applications.dlq";

    private Broker() {
    }

    public static ConnectionFactory factory(String user, String password) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setUsername(user);
        factory.setPassword(password);
        return factory;
    }

    /** The broker users a test made for its lenders, removed again after it. */
    public static final class LenderUsers {
        private final List<String> made = new ArrayList<>();

        public TestLenders.TestLender add(TestLenders.TestLender lender) throws Exception {
            addLenderUser(lender.code());
            made.add(lender.code());
            return lender;
        }

        public void removeAll() throws Exception {
            for (String user : made) {
                deleteUser(user);
            }
            made.clear();
        }
    }

    /** A lender's broker user is named after its code and may only publish to the intake exchange. */
    public static void addLenderUser(String code) throws Exception {
        addLenderUser(code, EXCHANGE);
    }

    public static void addLenderUser(String code, String exchange) throws Exception {
        rabbitmqctl("add_user", code, PASSWORD);
        rabbitmqctl("set_permissions", "-p", "/", code, "^$", "^" + exchange.replace(".", "\\.") + "$", "^$");
    }

    public static void deleteUser(String code) throws Exception {
        rabbitmqctl("delete_user", code);
    }

    /** Publishes as the broker user, with confirms, each body as its own persistent message. */
    public static List<String> publish(String brokerUser, String userId, List<byte[]> bodies) throws Exception {
        return publish(EXCHANGE, brokerUser, userId, bodies);
    }

    public static List<String> publish(String exchange, String brokerUser, String userId, List<byte[]> bodies) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = factory(brokerUser, PASSWORD).newConnection(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (byte[] body : bodies) {
                String id = UUID.randomUUID().toString();
                channel.basicPublish(exchange, "applications", new AMQP.BasicProperties.Builder().userId(userId)
                        .messageId(id).contentType("application/json").deliveryMode(2).build(), body);
                ids.add(id);
            }
            channel.waitForConfirmsOrDie(30_000);
        }
        return ids;
    }

    /** Looks through a queue for the message, taking it if found and leaving every other message in it. */
    public static GetResponse take(Channel channel, String queue, String messageId) throws IOException {
        GetResponse response;
        GetResponse found = null;
        List<Long> others = new ArrayList<>();
        while (found == null && (response = channel.basicGet(queue, false)) != null) {
            long tag = response.getEnvelope().getDeliveryTag();
            if (messageId.equals(response.getProps().getMessageId())) {
                channel.basicAck(tag, false);
                found = response;
            } else {
                others.add(tag);
            }
        }
        for (long tag : others) {
            channel.basicNack(tag, false, true);
        }
        return found;
    }

    /** Empties a queue of what earlier runs left in it. */
    public static void purge(String queue) throws Exception {
        try (Connection connection = factory("guest", "guest").newConnection(); Channel channel = connection.createChannel()) {
            channel.queuePurge(queue);
        }
    }

    /** Messages in the intake queue, ready or delivered and not yet acknowledged. */
    public static int messagesInIntakeQueue() throws Exception {
        return messagesIn(EXCHANGE);
    }

    public static int messagesIn(String queue) throws Exception {
        for (String line : rabbitmqctl("list_queues", "name", "messages").split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length == 2 && columns[0].equals(queue)) {
                return Integer.parseInt(columns[1]);
            }
        }
        throw new IllegalStateException("no queue " + queue);
    }

    public static String rabbitmqctl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("rabbitmqctl " + String.join(" ", args) + ": " + output).isZero();
        return output;
    }
}
