package org.blended.service.security;

import org.blended.service.lender.Lender;
import org.blended.service.lender.LenderDirectory;
import org.blended.service.lender.LenderPeople;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Creates the credentials named in {@code blended.demo.*} at start, so that the README's
 * walkthrough works as printed on the embedded default. Each one is created only when its
 * property has a value; the postgres profile leaves them empty, so production gets none.
 * Existing ones are left as they are.
 */
@Component
@EnableConfigurationProperties(DemoCredentials.Settings.class)
class DemoCredentials implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCredentials.class);

    @ConfigurationProperties("blended.demo")
    public record Settings(String lenderCode, String lenderName, String lenderApiKey, String adminApiKey,
                           String policyOwnerApiKey, String policyOwnerUsername, String policyOwnerPassword,
                           String adminUsername, String adminPassword, String ruleAuthorApiKey,
                           String ruleAuthorUsername, String ruleAuthorPassword, String officerUsername,
                           String officerPassword, String seniorOfficerUsername, String seniorOfficerPassword) {
    }

    private final Settings settings;
    private final LenderDirectory lenders;
    private final ApiKeys apiKeys;
    private final JdbcUserDetailsManager people;
    private final PasswordEncoder passwords;
    private final LenderPeople staff;

    public DemoCredentials(Settings settings, LenderDirectory lenders, ApiKeys apiKeys, JdbcUserDetailsManager people,
                           PasswordEncoder passwords, LenderPeople staff) {
        this.staff = staff;
        this.settings = settings;
        this.lenders = lenders;
        this.apiKeys = apiKeys;
        this.people = people;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (present(settings.lenderApiKey()) && present(settings.lenderCode())) {
            Lender lender = lenders.byCode(settings.lenderCode()).orElseGet(() -> lenders.register(settings.lenderCode(),
                    present(settings.lenderName()) ? settings.lenderName() : settings.lenderCode()));
            if (lender.getContactEmail() == null && lender.getContactPhone() == null) {
                // So the walkthrough's applicant page shows what happens next with a contact; example.org reaches nobody.
                lenders.setProfile(lender.getCode(), "loans@" + lender.getCode() + ".example.org", null, 5);
            }
            apiKeys.register("demo lender key", settings.lenderApiKey(), Role.LENDER, lender.getId(), "demo");
            log.warn("Demo lender '{}' can use its API key from blended.demo.lender-api-key; not for production",
                    lender.getCode());
        }
        if (present(settings.adminApiKey())) {
            apiKeys.register("demo admin key", settings.adminApiKey(), Role.ADMIN, null, "demo");
            log.warn("Demo admin API key from blended.demo.admin-api-key is active; not for production");
        }
        if (present(settings.policyOwnerApiKey())) {
            apiKeys.register("demo policy owner key", settings.policyOwnerApiKey(), Role.POLICY_OWNER, null, "demo");
            log.warn("Demo policy owner API key from blended.demo.policy-owner-api-key is active; not for production");
        }
        if (present(settings.ruleAuthorApiKey())) {
            apiKeys.register("demo rule author key", settings.ruleAuthorApiKey(), Role.RULE_AUTHOR, null, "demo");
            log.warn("Demo rule author API key from blended.demo.rule-author-api-key is active; not for production");
        }
        person(settings.policyOwnerUsername(), settings.policyOwnerPassword(), Role.POLICY_OWNER);
        person(settings.ruleAuthorUsername(), settings.ruleAuthorPassword(), Role.RULE_AUTHOR);
        person(settings.adminUsername(), settings.adminPassword(), Role.ADMIN);
        // Officers belong to the demo lender, so they see what its key submits.
        lenders.byCode(settings.lenderCode() == null ? "" : settings.lenderCode()).ifPresent(lender -> {
            person(settings.officerUsername(), settings.officerPassword(), Role.OFFICER);
            person(settings.seniorOfficerUsername(), settings.seniorOfficerPassword(), Role.SENIOR_OFFICER);
            for (String officer : new String[] {settings.officerUsername(), settings.seniorOfficerUsername()}) {
                if (present(officer) && people.userExists(officer) && staff.lenderOf(officer).isEmpty()) {
                    staff.tie(officer, lender.getId());
                }
            }
        });
    }

    private void person(String username, String password, Role role) {
        if (present(username) && present(password) && !people.userExists(username)) {
            people.createUser(User.withUsername(username).password(passwords.encode(password)).roles(role.name()).build());
            log.warn("Demo {} '{}' can sign in with the password from configuration; not for production", role, username);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
