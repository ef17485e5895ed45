package org.blended.service.security.body;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

/**
 * The parameters of a request whose body has already been received: the query string's, then for a
 * POST the fields of a form or of a multipart body, decoded as Tomcat decodes them and within its
 * limits (Tomcat would read them from the connection, which holds no body any more).
 */
final class BodyParameters {

    private final int maxCount;
    private final long maxFormBytes;

    /**
     * @param maxCount parameters kept, the rest ignored (server.tomcat.max-parameter-count)
     * @param maxFormBytes a larger form gives no fields (server.tomcat.max-http-form-post-size)
     */
    BodyParameters(int maxCount, long maxFormBytes) {
        this.maxCount = maxCount < 0 ? Integer.MAX_VALUE : maxCount;
        this.maxFormBytes = maxFormBytes < 0 ? Long.MAX_VALUE : maxFormBytes;
    }

    Map<String, String[]> of(HttpServletRequest request, BufferedBody body) {
        Values values = new Values(maxCount);
        decode(request.getQueryString(), StandardCharsets.UTF_8, values);
        if ("POST".equals(request.getMethod())) {
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
            if (type.startsWith("application/x-www-form-urlencoded") && body.length() <= maxFormBytes) {
                try (InputStream in = body.open()) {
                    decode(new String(in.readAllBytes(), charset(request)), charset(request), values);
                } catch (IOException e) {
                    // as Tomcat: a body that cannot be read gives no fields
                }
            } else if (type.startsWith("multipart/form-data")) {
                fields(request, values);
            }
        }
        return values.asMap();
    }

    private void fields(HttpServletRequest request, Values values) {
        try {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() == null) {
                    try (InputStream in = part.getInputStream()) {
                        values.add(part.getName(), new String(in.readAllBytes(), charset(request)));
                    }
                }
            }
        } catch (IOException | ServletException | IllegalStateException e) {
            // as Tomcat: a multipart body that cannot be parsed gives no fields; getParts() says why
        }
    }

    private void decode(String encoded, Charset charset, Values values) {
        if (encoded == null) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                if (!name.isEmpty()) {
                    values.add(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset));
                }
            } catch (IllegalArgumentException malformed) {
                // as Tomcat: a badly encoded pair is skipped
            }
        }
    }

    /** Values by name, in the order they came, up to the most kept. */
    private static final class Values {
        private final Map<String, List<String>> byName = new LinkedHashMap<>();
        private final int max;
        private int count;

        Values(int max) {
            this.max = max;
        }

        void add(String name, String value) {
            if (count < max) {
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                count++;
            }
        }

        Map<String, String[]> asMap() {
            Map<String, String[]> map = new LinkedHashMap<>();
            byName.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
            return map;
        }
    }

    private static Charset charset(HttpServletRequest request) {
        try {
            return request.getCharacterEncoding() == null ? StandardCharsets.ISO_8859_1 : Charset.forName(request.getCharacterEncoding());
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
