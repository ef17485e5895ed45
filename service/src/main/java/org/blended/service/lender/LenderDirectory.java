package org.blended.service.lender;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.blended.integration.intake.Lenders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers lenders and finds them by code for the intake routes. */
@Service
public class LenderDirectory implements Lenders {

    /** Lower-case letters, digits and dashes: safe as a folder name and as a broker user name. */
    public static final String CODE_PATTERN = "[a-z0-9][a-z0-9-]{1,39}";

    private final LenderRepository lenders;
    private final Clock clock;

    public LenderDirectory(LenderRepository lenders, Clock clock) {
        this.lenders = lenders;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> idOfCode(String code) {
        return lenders.findByCode(code).map(Lender::getId);
    }

    @Transactional(readOnly = true)
    public Optional<Lender> byCode(String code) {
        return lenders.findByCode(code);
    }

    @Transactional(readOnly = true)
    public List<Lender> all() {
        return lenders.findAll(org.springframework.data.domain.Sort.by("code"));
    }

    /** Registers a lender; an existing code is refused rather than silently reused. */
    @Transactional
    public Lender register(String code, String name) {
        if (!code.matches(CODE_PATTERN)) {
            throw new IllegalArgumentException("code must be 2 to 40 lower-case letters, digits or dashes");
        }
        if (lenders.findByCode(code).isPresent()) {
            throw new IllegalStateException("a lender with code " + code + " exists already");
        }
        return lenders.save(new Lender(code, name, clock.instant()));
    }
}
