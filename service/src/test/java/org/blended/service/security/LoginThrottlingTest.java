package org.blended.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sign-ins to the pages through a proxy (forwarded headers honoured, as configured behind one), so
 * that each test signs in from client addresses of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=native", "blended.security.login.max-failures=3"})
@ActiveProfiles({"postgres", "test"})
class LoginThrottlingTest {

    private static final String PASSWORD = "a-long-enough-password";
    private static final String WRONG = "Wrong user name or password.";

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    JdbcUserDetailsManager people;

    @Autowired
    PasswordEncoder passwords;

    Http admin;
    String username;

    @BeforeEach
    void aPerson() {
        admin = new Http(port, lenders.keyFor(Role.ADMIN));
        username = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        people.createUser(User.withUsername(username).password(passwords.encode(PASSWORD)).roles(Role.POLICY_OWNER.name()).build());
    }

    @Test
    void aNameIsLockedAfterTooManyFailuresEvenForTheRightPasswordUntilAnAdminUnlocksIt() {
        for (int i = 1; i <= 3; i++) { // from three addresses, so that only the name is locked
            assertThat(problem(signIn(address(i), username, "wrong-" + i))).isEqualTo(WRONG);
        }

        HttpResponse<String> refused = signIn(address(4), username, PASSWORD);

        assertThat(problem(refused)).isEqualTo("Too many failed sign-ins for this account; try again in 1 minute "
                + "or ask an administrator to unlock it.");
        JsonNode locked = Http.json(admin.get("/api/v1/admin/sign-in-lockouts"));
        assertThat(locked.findValuesAsText("subject")).contains(username);
        assertThat(new Http(port, lenders.newLender().apiKey()).get("/api/v1/admin/sign-in-lockouts").statusCode())
                .as("lenders may not see them").isEqualTo(403);

        assertThat(admin.delete("/api/v1/admin/sign-in-lockouts/users/" + username).statusCode()).isEqualTo(204);
        assertThat(signedIn(signIn(address(4), username, PASSWORD))).isTrue();
        HttpResponse<String> again = admin.delete("/api/v1/admin/sign-in-lockouts/users/" + username);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(Http.json(again).get("detail").asText()).isEqualTo("No failed sign-ins are recorded for user name " + username);
    }

    @Test
    void anAddressWithTooManyFailuresIsLockedForEveryNameUntilAnAdminUnlocksIt() {
        String address = address(5);
        for (int i = 0; i < 3; i++) {
            assertThat(problem(signIn(address, "nobody-" + UUID.randomUUID(), "guess"))).isEqualTo(WRONG);
        }

        assertThat(problem(signIn(address, username, PASSWORD))).isEqualTo("Too many failed sign-ins from your "
                + "network address; try again in 1 minute or ask an administrator to unlock it.");
        assertThat(signedIn(signIn(address(6), username, PASSWORD))).as("from elsewhere").isTrue();

        assertThat(admin.delete("/api/v1/admin/sign-in-lockouts/addresses/" + address).statusCode()).isEqualTo(204);
        assertThat(signedIn(signIn(address, username, PASSWORD))).isTrue();
    }

    @Test
    void aCorrectPasswordResetsTheNamesCount() {
        signIn(address(7), username, "wrong");
        signIn(address(8), username, "wrong");
        assertThat(signedIn(signIn(address(9), username, PASSWORD))).isTrue();

        signIn(address(10), username, "wrong");
        signIn(address(11), username, "wrong");

        assertThat(signedIn(signIn(address(12), username, PASSWORD))).as("two failures since the last success").isTrue();
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndSecureWhenTheProxySaysHttps() {
        Http browser = new Http(port);
        HttpResponse<String> overHttp = browser.send(browser.request("/login").header("Accept", "text/html").GET());
        assertThat(sessionCookie(overHttp)).contains("SameSite=Lax").doesNotContain("Secure");

        Http behindTls = new Http(port);
        HttpResponse<String> overHttps = behindTls.send(behindTls.request("/login").header("Accept", "text/html")
                .header("X-Forwarded-Proto", "https").GET());
        assertThat(sessionCookie(overHttps)).contains("SameSite=Lax").contains("Secure").contains("HttpOnly");
    }

    /** A fresh browser that opens the sign-in page and sends the form, both from this client address. */
    private HttpResponse<String> signIn(String address, String name, String password) {
        Http browser = new Http(port);
        HttpResponse<String> page = browser.send(browser.request("/login").header("Accept", "text/html")
                .header("X-Forwarded-For", address).GET());
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        return browser.send(browser.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1))));
    }

    /** Signed in: sent on from the form to the start page, not back to the sign-in page. */
    private static boolean signedIn(HttpResponse<String> response) {
        return !response.uri().getPath().equals("/login");
    }

    /** What the sign-in page says went wrong. */
    private static String problem(HttpResponse<String> response) {
        assertThat(response.uri().getQuery()).as("back on the sign-in page").isEqualTo("error");
        Matcher problem = Pattern.compile("<p class=\"problem\" id=\"problem\">([^<]*)</p>").matcher(response.body());
        assertThat(problem.find()).as(response.body()).isTrue();
        return problem.group(1);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }

    /** A documentation address (RFC 5737) per client; the database starts empty each test run. */
    private static String address(int client) {
        return "203.0.113." + client;
    }
}
