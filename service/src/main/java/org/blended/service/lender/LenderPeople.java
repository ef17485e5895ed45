package org.blended.service.lender;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Which lender each of its staff who sign in (officers) belongs to: one lender a person. */
@Service
public class LenderPeople {

    private final JdbcTemplate jdbc;

    public LenderPeople(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Ties a person (already able to sign in) to a lender; a person tied before keeps the first lender. */
    public void tie(String username, UUID lenderId) {
        Optional<UUID> current = lenderOf(username);
        if (current.isPresent() && !current.get().equals(lenderId)) {
            throw new IllegalStateException(username + " belongs to another lender already");
        }
        if (current.isEmpty()) {
            jdbc.update("insert into lender_person (username, lender_id) values (?, ?)", username, lenderId);
        }
    }

    public Optional<UUID> lenderOf(String username) {
        return jdbc.query("select lender_id from lender_person where username = ?",
                (rs, row) -> rs.getObject(1, UUID.class), username).stream().findFirst();
    }
}
