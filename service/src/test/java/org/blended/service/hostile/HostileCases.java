package org.blended.service.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.blended.service.Examples;

/**
 * Makes the hostile suite's submissions from a seed: mostly one field of an example application
 * changed (a hostile value, the field removed, a hostile field added), and some whole-document
 * attacks (empty, binary, wrong encodings, truncated, deeply nested, not an object). The same seed
 * makes the same cases in the same order.
 */
final class HostileCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stands in the tree for a raw value or key, replaced in the written text. */
    private static final String SLOT = "\uE000slot\uE000";

    private final Random random;
    private final String run;
    private final List<String> examples = new ArrayList<>(Examples.expectedOutcomes().keySet());

    HostileCases(long seed, String run) {
        this.random = new Random(seed);
        this.run = run;
    }

    /** {@code count} cases named "{@code channel}-0000" on; one in {@code attackEvery} a whole-document attack. */
    List<HostileCase> make(String channel, int count, int attackEvery) {
        List<HostileCase> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = channel + "-" + String.format("%04d", i);
            cases.add(i % attackEvery == attackEvery - 1 ? attack(id) : mutation(id));
        }
        return cases;
    }

    /** A valid application with a reference of its own, as a neighbour of hostile ones. */
    HostileCase valid(String id) {
        String example = examples.get(random.nextInt(examples.size()));
        return new HostileCase(id, example + " as it is", bytes(Examples.withReference(example, reference(id))), List.of());
    }

    private String reference(String id) {
        return "H-" + run + "-" + id;
    }

    /** One example with one field changed. */
    HostileCase mutation(String id) {
        String example = examples.get(random.nextInt(examples.size()));
        ObjectNode root = (ObjectNode) read(Examples.withReference(example, reference(id)));
        List<Slot> slots = new ArrayList<>();
        collect(root, "", slots);
        Slot target = slots.get(random.nextInt(slots.size()));
        int kind = random.nextInt(10);
        if (kind < 7) {
            String value = HostileValues.any(random);
            target.set(TextNode.valueOf(SLOT));
            return new HostileCase(id, example + ": " + target.path + " = " + printable(value),
                    bytes(write(root).replace(quoted(SLOT), value)), sent(value));
        }
        if (kind < 8) {
            target.remove();
            return new HostileCase(id, example + ": " + target.path + " removed", bytes(write(root)), List.of());
        }
        ObjectNode object = objectAt(root, target);
        String key = HostileValues.anyKey(random);
        String value = random.nextBoolean() ? "1" : HostileValues.any(random);
        object.set(SLOT, TextNode.valueOf(SLOT + "v"));
        String text = write(root).replace(quoted(SLOT) + ":" + quoted(SLOT + "v"), key + ":" + value);
        List<String> sent = new ArrayList<>(sent(key));
        sent.addAll(sent(value));
        return new HostileCase(id, example + ": field " + printable(key) + " = " + printable(value) + " added beside "
                + target.path, bytes(text), sent);
    }

    /** A whole document that is no application, or one spoilt as a whole. */
    HostileCase attack(String id) {
        String example = Examples.withReference(examples.get(random.nextInt(examples.size())), reference(id));
        byte[] utf8 = bytes(example);
        int kind = random.nextInt(25);
        return switch (kind) {
            case 0 -> doc(id, "whitespace only", bytes(" \n\t\r\n "));
            case 1 -> doc(id, "null", bytes("null"));
            case 2 -> doc(id, "an empty object", bytes("{}"));
            case 3 -> doc(id, "a string", bytes("\"an application\""));
            case 4 -> doc(id, "a number", bytes("42"));
            case 5 -> doc(id, "random binary", binary(1 + random.nextInt(4096)));
            case 6 -> doc(id, "UTF-16LE with BOM", concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, example.getBytes(StandardCharsets.UTF_16LE)));
            case 7 -> doc(id, "UTF-16BE", example.getBytes(StandardCharsets.UTF_16BE));
            case 8 -> doc(id, "UTF-8 BOM", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8));
            case 9 -> doc(id, "Latin-1 with an accented name",
                    example.replaceFirst("\"legalName\": \"", "\"legalName\": \"Caf\u00e9 ").getBytes(StandardCharsets.ISO_8859_1));
            case 10 -> doc(id, "bytes that are no UTF-8 in a name", splice(utf8, "\"legalName\": \"",
                    new byte[]{(byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF, (byte) 0xFE}));
            case 11 -> doc(id, "a raw NUL byte in a name", splice(utf8, "\"legalName\": \"", new byte[]{0, 'x', 0}));
            case 12 -> doc(id, "a raw NUL byte between fields", splice(utf8, "\"applicant\"", new byte[]{0}));
            case 13 -> {
                int at = 1 + random.nextInt(utf8.length - 1);
                yield doc(id, "cut after " + at + " bytes", java.util.Arrays.copyOf(utf8, at));
            }
            case 14 -> doc(id, "trailing garbage", bytes(example + "}}]garbage"));
            case 15 -> doc(id, "two applications in a row", bytes(example + example));
            case 16 -> doc(id, "deeply nested arrays", bytes("[".repeat(60_000) + "]".repeat(60_000)));
            case 17 -> doc(id, "deeply nested objects", bytes("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)));
            case 18 -> doc(id, "5000 unknown fields", bytes(example.replaceFirst("\\{", "{" + wideObject(5_000))));
            case 19 -> doc(id, "a 5000-digit amount", bytes(example.replaceFirst("\"amount\": [0-9.]+", "\"amount\": " + "9".repeat(5_000))));
            case 20 -> doc(id, "comments and single quotes", bytes("/* c */ {'lenderReference': 'x', // c\n}"));
            case 21 -> doc(id, "the reference given twice", bytes(example.replaceFirst("\\{", "{\"lenderReference\": \"DUP\",")));
            case 22 -> doc(id, "UTF-32BE", example.getBytes(Charset.forName("UTF-32BE")));
            case 23 -> doc(id, "nothing at all", new byte[0]);
            default -> doc(id, "an array of one application", bytes("[" + example + "]"));
        };
    }

    private static HostileCase doc(String id, String what, byte[] body) {
        return new HostileCase(id, what, body, List.of());
    }

    private String wideObject(int fields) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < fields; i++) {
            text.append("\"unknown").append(i).append("\": ").append(i).append(',');
        }
        return text.toString();
    }

    private byte[] binary(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Every value in the tree, with how to replace or remove it. */
    private static void collect(JsonNode node, String path, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                slots.add(new Slot(child, object, field.getKey(), -1));
                collect(field.getValue(), child, slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String child = path + "[" + i + "]";
                slots.add(new Slot(child, array, null, i));
                collect(array.get(i), child, slots);
            }
        }
    }

    /** The object a field is added to: the target itself when it is one, else the object holding it. */
    private static ObjectNode objectAt(ObjectNode root, Slot target) {
        JsonNode value = target.value();
        if (value instanceof ObjectNode object) {
            return object;
        }
        return target.parent instanceof ObjectNode object ? object : root;
    }

    private record Slot(String path, JsonNode parent, String field, int index) {
        JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    /** The text a raw JSON value or key stands for, when it is a string: an answer may quote it. */
    private static List<String> sent(String raw) {
        List<String> texts = new ArrayList<>(List.of(raw));
        if (raw.startsWith("\"")) {
            try {
                texts.add(JSON.readValue(raw, String.class));
            } catch (IOException notAString) {
                texts.add(raw.substring(1));
            }
        }
        return texts;
    }

    /** Short enough to read in a failure message, with control characters and lone surrogates escaped. */
    static String printable(String raw) {
        return escaped(raw.length() > 80 ? raw.substring(0, 40) + "...(" + raw.length() + " chars)..." + raw.substring(raw.length() - 20) : raw);
    }

    static String escaped(String shown) {
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** The bytes with {@code inserted} placed right after the first occurrence of {@code after}. */
    private static byte[] splice(byte[] utf8, String after, byte[] inserted) {
        String text = new String(utf8, StandardCharsets.UTF_8);
        int at = text.indexOf(after);
        if (at < 0) {
            return concat(inserted, utf8);
        }
        int offset = text.substring(0, at + after.length()).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(utf8, 0, offset);
        out.writeBytes(inserted);
        out.write(utf8, offset, utf8.length - offset);
        return out.toByteArray();
    }
}
