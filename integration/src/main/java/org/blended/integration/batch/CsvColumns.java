package org.blended.integration.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.blended.rules.application.Application;

/**
 * The CSV header says where each cell goes in an application, in the same dotted paths the API
 * uses in its errors: {@code applicant.legalName}, {@code financials.years[0].income},
 * {@code impact.claims[1].evidence}. A list of plain values ({@code impact.outcomeAreas}) takes
 * its values separated by {@code ;} in one cell. Every column is checked against the fact model
 * once, when the header is read, so a misspelt column refuses the file before any row is assessed.
 */
final class CsvColumns {

    static final String LIST_SEPARATOR = ";";
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d{1,3})])?");

    private final List<Column> columns;
    private final ObjectMapper json;

    private CsvColumns(List<Column> columns, ObjectMapper json) {
        this.columns = columns;
        this.json = json;
    }

    static CsvColumns of(String[] header, ObjectMapper json) {
        List<Column> columns = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].replace("\uFEFF", "").trim(); // a spreadsheet's byte-order mark
            try {
                columns.add(resolve(name, json));
            } catch (IllegalArgumentException e) {
                problems.add("column " + (i + 1) + " \"" + name + "\" " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UnreadableBatchException("the CSV header is not usable, no row was read: "
                    + String.join("; ", problems));
        }
        return new CsvColumns(columns, json);
    }

    int size() {
        return columns.size();
    }

    /** The row as an application document; empty cells are left out, as if the field were absent. */
    ObjectNode toJson(String[] cells) {
        ObjectNode root = json.createObjectNode();
        for (int i = 0; i < columns.size(); i++) {
            String cell = cells[i] == null ? "" : cells[i].trim();
            if (!cell.isEmpty()) {
                columns.get(i).put(root, cell);
            }
        }
        compact(root);
        return root;
    }

    private static Column resolve(String name, ObjectMapper json) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("has no name");
        }
        List<Step> steps = new ArrayList<>();
        JavaType type = json.constructType(Application.class);
        boolean scalarList = false;
        String[] segments = name.split("\\.", -1);
        for (int s = 0; s < segments.length; s++) {
            Matcher m = SEGMENT.matcher(segments[s]);
            if (!m.matches()) {
                throw new IllegalArgumentException("is not a field path like applicant.legalName or financials.years[0].income");
            }
            JavaType property = propertyType(json, type, m.group(1));
            if (property == null) {
                throw new IllegalArgumentException("is not a field of an application (no \"" + m.group(1) + "\" there)");
            }
            Integer index = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            boolean last = s == segments.length - 1;
            if (property.isCollectionLikeType()) {
                JavaType element = property.getContentType();
                boolean elementIsObject = isBean(element);
                if (index == null && (!last || elementIsObject)) {
                    throw new IllegalArgumentException("needs an index, like " + m.group(1) + "[0]");
                }
                scalarList = index == null;
                type = element;
            } else if (index != null) {
                throw new IllegalArgumentException("has an index but " + m.group(1) + " is not a list");
            } else {
                type = property;
            }
            if (last && isBean(type) && !scalarList) {
                throw new IllegalArgumentException("names a group of fields; name one of its fields instead");
            }
            steps.add(new Step(m.group(1), index));
        }
        return new Column(steps, scalarList);
    }

    private static JavaType propertyType(ObjectMapper json, JavaType owner, String name) {
        if (!isBean(owner)) {
            return null;
        }
        BeanDescription description = json.getDeserializationConfig().introspect(owner);
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.getName().equals(name)) {
                return property.getPrimaryType();
            }
        }
        return null;
    }

    private static boolean isBean(JavaType type) {
        Class<?> raw = type.getRawClass();
        return raw.getName().startsWith("org.blended.rules.application.") && !raw.isEnum();
    }

    /** Lists are filled by index; an index left empty in this row is dropped rather than sent as null. */
    private static void compact(JsonNode node) {
        if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (array.get(i).isNull()) {
                    array.remove(i);
                }
            }
        }
        node.forEach(CsvColumns::compact);
    }

    private record Step(String field, Integer index) {
    }

    private record Column(List<Step> steps, boolean scalarList) {

        void put(ObjectNode root, String cell) {
            JsonNode node = root;
            for (int s = 0; s < steps.size(); s++) {
                Step step = steps.get(s);
                boolean last = s == steps.size() - 1;
                ObjectNode owner = (ObjectNode) node;
                if (step.index() == null) {
                    if (last) {
                        if (scalarList) {
                            ArrayNode values = owner.putArray(step.field());
                            for (String value : cell.split(LIST_SEPARATOR)) {
                                if (!value.isBlank()) {
                                    values.add(value.trim());
                                }
                            }
                        } else {
                            owner.put(step.field(), cell);
                        }
                        return;
                    }
                    node = owner.has(step.field()) ? owner.get(step.field()) : owner.putObject(step.field());
                } else {
                    ArrayNode list = owner.has(step.field()) ? (ArrayNode) owner.get(step.field()) : owner.putArray(step.field());
                    while (list.size() <= step.index()) {
                        list.addNull();
                    }
                    if (last) {
                        list.set(step.index(), cell);
                        return;
                    }
                    if (list.get(step.index()).isNull()) {
                        list.set(step.index(), list.objectNode());
                    }
                    node = list.get(step.index());
                }
            }
        }
    }

}
