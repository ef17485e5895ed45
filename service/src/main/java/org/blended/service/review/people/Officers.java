package org.blended.service.review.people;

import org.blended.service.lender.LenderPeople;
import org.blended.service.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Finds the officer behind a signed-in person, with the lender they belong to. */
@Component
public class Officers {

    private final LenderPeople people;

    public Officers(LenderPeople people) {
        this.people = people;
    }

    public Officer of(Authentication caller) {
        boolean senior = Role.SENIOR_OFFICER.heldBy(caller);
        if (!senior && !Role.OFFICER.heldBy(caller)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only a lender's officers settle review cases");
        }
        return people.lenderOf(caller.getName()).map(lender -> new Officer(caller.getName(), lender, senior))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                        caller.getName() + " is an officer of no lender: an administrator must tie them to one"));
    }
}
