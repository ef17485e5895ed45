package org.blended.service.ruleset.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.ruleset.ShippedVersion;
import org.blended.service.ruleset.build.RuleSetCompiler;
import org.blended.service.ruleset.lifecycle.RuleSets;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.HtmlUtils;

/**
 * A policy owner edits a table in the pages: one value cell changed through the editor's form makes
 * a new draft whose file differs in that cell only; a wrong value comes back at its cell with what
 * was typed kept; the table downloaded as a workbook uploads back as the same rules; a browser's
 * renamed copy replaces its table and a file of no known name is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class TableEditorPageTest {

    private static final String COVER = "debt-service-cover.drl.csv";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern SELECT = Pattern.compile("<select\\b[^>]*\\bname=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern SELECTED = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"[^>]*selected");

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager people;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ShippedVersion shipped;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    RuleSetCompiler compiler;

    @Autowired
    TestLenders lenders;

    Http owner;

    @BeforeEach
    void signIn() {
        String username = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        people.createUser(User.withUsername(username).password(passwords.encode("a-long-enough-password"))
                .roles(Role.POLICY_OWNER.name()).build());
        owner = new Http(port);
        HttpResponse<String> signedIn = post("/login", owner.get("/login").body(),
                Map.of("username", username, "password", "a-long-enough-password"));
        assertThat(signedIn.uri().getPath()).doesNotStartWith("/login");
    }

    @Test
    void oneEditedCellBecomesANewDraftThatDiffersInThatCellOnly() {
        int base = shipped.version();
        String path = "/policy/rule-sets/" + base + "/tables/" + COVER;
        HttpResponse<String> page = owner.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"table-editor\"", "id=\"save-table\"", "id=\"save-note\"", "Cover from",
                        "Source: Unity Trust Bank", "F1 Debt service cover")
                .as("the code rows stay out of sight").doesNotContain("debtServiceCover &gt;= $param", "Reason.points", "CONDITION");

        Map<String, String> form = form(page.body());
        String points = cellHolding(form, "cell-0-2-", "3"); // the green row's points
        form.put(points, "4");
        form.put("note", "Green is worth four points");
        form.put("action", "save");
        HttpResponse<String> saved = post(path, page.body(), form);

        String draftPath = saved.uri().getPath();
        assertThat(draftPath).matches("/policy/rule-sets/\\d+");
        int draft = Integer.parseInt(draftPath.substring(draftPath.lastIndexOf('/') + 1));
        assertThat(saved.body()).contains("Saved " + COVER + " as draft version " + draft + ", based on version " + base);
        RuleSetRecord record = ruleSets.get(draft);
        assertThat(record.basedOn()).isEqualTo(base);
        assertThat(record.note()).isEqualTo("Edited F1 Debt service cover (" + COVER + ") in the table editor: Green is worth four points");

        Map<String, RuleSetFile> before = byPath(ruleSets.files(base));
        Map<String, RuleSetFile> after = byPath(ruleSets.files(draft));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        Set<String> changed = new TreeSet<>();
        before.forEach((p, f) -> {
            if (!java.util.Arrays.equals(f.content(), after.get(p).content())) {
                changed.add(f.name());
            }
        });
        assertThat(changed).containsExactly(COVER);
        String[] was = before.values().stream().filter(f -> f.name().equals(COVER)).findFirst().orElseThrow().text().split("\n", -1);
        String[] now = after.values().stream().filter(f -> f.name().equals(COVER)).findFirst().orElseThrow().text().split("\n", -1);
        assertThat(now).hasSameSizeAs(was);
        List<Integer> lines = java.util.stream.IntStream.range(0, was.length).filter(i -> !was[i].equals(now[i])).boxed().toList();
        assertThat(lines).as("lines changed").hasSize(1);
        List<String> wasCells = new org.drools.decisiontable.parser.csv.CsvLineParser().parse(was[lines.get(0)]);
        List<String> nowCells = new org.drools.decisiontable.parser.csv.CsvLineParser().parse(now[lines.get(0)]);
        assertThat(nowCells).hasSameSizeAs(wasCells);
        int column = Integer.parseInt(points.substring(points.lastIndexOf('-') + 1));
        for (int c = 0; c < wasCells.size(); c++) {
            assertThat(nowCells.get(c)).as("column " + c).isEqualTo(c == column ? "4" : wasCells.get(c));
        }
        assertThat(wasCells.get(column)).isEqualTo("3");
    }

    @Test
    void aWrongValueComesBackAtItsCellWithWhatWasTypedAndNothingIsSaved() {
        int base = shipped.version();
        int versions = ruleSets.all().size();
        String path = "/policy/rule-sets/" + base + "/tables/" + COVER;
        HttpResponse<String> page = owner.get(path);
        Map<String, String> form = form(page.body());
        String points = cellHolding(form, "cell-0-2-", "3");
        form.put(points, "three");
        form.put("action", "save");
        HttpResponse<String> refused = post(path, page.body(), form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.uri().getPath()).isEqualTo(path);
        assertThat(refused.body()).contains("govuk-error-summary", "href=\"#" + points + "\"", "value=\"three\"",
                "&quot;three&quot; is not a number");
        assertThat(ruleSets.all()).hasSize(versions);

        // a row removed without JavaScript: the page comes back without it, nothing saved
        Map<String, String> remove = form(page.body());
        remove.put("action", "remove-0-0");
        HttpResponse<String> removed = post(path, page.body(), remove);
        assertThat(removed.body()).contains("name=\"rows-0\" value=\"2\"");
        assertThat(ruleSets.all()).hasSize(versions);
    }

    @Test
    void theTableAsAWorkbookUploadsBackAsTheSameRules() {
        int base = shipped.version();
        HttpResponse<byte[]> workbook = download("/policy/rule-sets/" + base + "/tables/debt-service-cover.xlsx");
        assertThat(workbook.statusCode()).isEqualTo(200);
        assertThat(workbook.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("debt-service-cover.drl.xlsx"));

        Http api = new Http(port, lenders.keyFor(Role.POLICY_OWNER));
        HttpResponse<String> uploaded = api.upload("/api/v1/rule-sets?basedOn=" + base,
                Map.of("debt-service-cover (1).xlsx", workbook.body()), Map.of());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        int draft = Http.json(uploaded).get("version").asInt();
        List<RuleSetFile> files = ruleSets.files(draft);
        assertThat(files).extracting(RuleSetFile::name).contains("debt-service-cover.drl.xlsx").doesNotContain(COVER);

        RuleSetCompiler.Build build = compiler.build(draft, "workbook", files);
        assertThat(build.problems()).isEmpty();
        assertThat(ruleNames(build.container())).isEqualTo(ruleNames(compiler.build(base, "shipped", ruleSets.files(base)).container()));

        HttpResponse<String> misnamed = api.upload("/api/v1/rule-sets?basedOn=" + base,
                Map.of("debt-servce-cover.xlsx", workbook.body()), Map.of());
        assertThat(misnamed.statusCode()).isEqualTo(400);
        assertThat(Http.json(misnamed).get("detail").asText()).startsWith("debt-servce-cover.xlsx matches no table of version "
                + base + "; did you mean debt-service-cover.drl.csv?");
    }

    /** A download as bytes, with a policy owner's key (the pages take one as the API does). */
    private HttpResponse<byte[]> download(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("X-API-Key", lenders.keyFor(Role.POLICY_OWNER)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> ruleNames(KieContainer container) {
        return container.getKieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .map(r -> r.getPackageName() + "." + r.getName()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, RuleSetFile> byPath(List<RuleSetFile> files) {
        Map<String, RuleSetFile> map = new LinkedHashMap<>();
        files.forEach(f -> map.put(f.path(), f));
        return map;
    }

    private static String cellHolding(Map<String, String> form, String prefix, String value) {
        List<String> cells = form.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getValue().equals(value))
                .map(Map.Entry::getKey).toList();
        assertThat(cells).as("cells of " + prefix + " holding " + value).hasSize(1);
        return cells.get(0);
    }

    /** The fields the editor's form would send as it is: its inputs and the options selected. */
    private static Map<String, String> form(String html) {
        String editor = html.substring(html.indexOf("id=\"table-editor\""));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(editor);
        while (input.find()) {
            String tag = input.group();
            String name = attribute(tag, "name");
            if (name != null && !name.equals("_csrf")) {
                String value = attribute(tag, "value");
                fields.put(name, value == null ? "" : value);
            }
        }
        Matcher select = SELECT.matcher(editor);
        while (select.find()) {
            Matcher selected = SELECTED.matcher(select.group(2));
            fields.put(select.group(1), selected.find() ? HtmlUtils.htmlUnescape(selected.group(1)) : "");
        }
        return fields;
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? HtmlUtils.htmlUnescape(m.group(1)) : null;
    }

    private HttpResponse<String> post(String path, String pageWithAForm, Map<String, String> fields) {
        Matcher token = CSRF.matcher(pageWithAForm);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        String body = fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&_csrf=" + (token.group(1) != null ? token.group(1) : token.group(2));
        return owner.send(owner.request(path).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
