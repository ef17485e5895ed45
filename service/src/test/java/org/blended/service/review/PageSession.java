package org.blended.service.review;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.blended.service.Http;

/** A person signed in to the pages over plain HTTP: their session cookie, and the CSRF token forms carry. */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final Http http;

    private PageSession(Http http) {
        this.http = http;
    }

    static PageSession signIn(int port, String username, String password) {
        Http http = new Http(port);
        PageSession session = new PageSession(http);
        HttpResponse<String> signedIn = session.post("/login", http.get("/login").body(),
                Map.of("username", username, "password", password));
        if (signedIn.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("Could not sign in as " + username);
        }
        return session;
    }

    HttpResponse<String> get(String path) {
        return http.send(http.request(path).header("Accept", "text/html").GET());
    }

    /** Posts a form with the CSRF token of a page the person has open. */
    HttpResponse<String> post(String path, String pageWithAForm, Map<String, String> fields) {
        Matcher token = CSRF.matcher(pageWithAForm);
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        String body = fields.entrySet().stream().map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&_csrf=" + (token.group(1) != null ? token.group(1) : token.group(2));
        return http.send(http.request(path).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
