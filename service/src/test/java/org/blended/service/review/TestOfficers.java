package org.blended.service.review;

import java.util.UUID;

import org.blended.service.lender.LenderPeople;
import org.blended.service.review.people.Officer;
import org.blended.service.security.Role;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/** Makes officers of a lender who can sign in, through the real user store. */
@Component
public class TestOfficers {

    public static final String PASSWORD = "an-officer-password";

    private final JdbcUserDetailsManager people;
    private final PasswordEncoder passwords;
    private final LenderPeople staff;

    TestOfficers(JdbcUserDetailsManager people, PasswordEncoder passwords, LenderPeople staff) {
        this.people = people;
        this.passwords = passwords;
        this.staff = staff;
    }

    public Officer officer(UUID lenderId) {
        return make(lenderId, Role.OFFICER);
    }

    public Officer senior(UUID lenderId) {
        return make(lenderId, Role.SENIOR_OFFICER);
    }

    private Officer make(UUID lenderId, Role role) {
        return officer(lenderId, role.name().toLowerCase().replace('_', '-'), role);
    }

    /** A person with this role, named after {@code name}, tied to the lender. */
    public Officer officer(UUID lenderId, String name, Role role) {
        String username = person(name, role);
        staff.tie(username, lenderId);
        return new Officer(username, lenderId, role == Role.SENIOR_OFFICER);
    }

    /** A person who signs in to the pages with this role, tied to no lender (a policy owner); their user name. */
    public String person(String name, Role role) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        people.createUser(User.withUsername(username).password(passwords.encode(PASSWORD)).roles(role.name()).build());
        return username;
    }
}
