package org.blended.service.lender;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.blended.integration.submission.Lenders;
import org.blended.service.database.TransientFailures;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers lenders and finds them by code for the intake routes. */
@Service
public class LenderDirectory implements Lenders {

    /** Lower-case letters, digits and dashes: safe as a folder name and as a broker user name. */
    public static final String CODE_PATTERN = "[a-z0-9][a-z0-9-]{1,39}";

    private final LenderRepository lenders;
    private final Clock clock;
    /**
     * A lender's code names it for good, so the id found for a code is kept: every queue message
     * and dropped file asks, and the query was a quarter of the queue route's time. Codes not
     * (yet) registered are not kept, so a lender registered on another instance is found.
     */
    private final Map<String, UUID> idsByCode = new ConcurrentHashMap<>();

    public LenderDirectory(LenderRepository lenders, Clock clock) {
        this.lenders = lenders;
        this.clock = clock;
    }

    @Override
    public Optional<UUID> idOfCode(String code) {
        UUID known = idsByCode.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        // The database away is no reason to refuse a message or a file: the routes try it again.
        Optional<UUID> found = TransientFailures.retryable("Finding lender " + code,
                () -> lenders.findByCode(code).map(Lender::getId));
        found.ifPresent(id -> idsByCode.put(code, id));
        return found;
    }

    @Transactional(readOnly = true)
    public Optional<Lender> byCode(String code) {
        return lenders.findByCode(code);
    }

    @Transactional(readOnly = true)
    public List<Lender> all() {
        return lenders.findAll(org.springframework.data.domain.Sort.by("code"));
    }

    @Transactional(readOnly = true)
    public Optional<Lender> byId(UUID id) {
        return lenders.findById(id);
    }

    /** Sets (or, with nulls, clears) the contact and answer time an applicant reads; empty when no lender has the code. */
    @Transactional
    public Optional<Lender> setProfile(String code, String contactEmail, String contactPhone, Integer responseWorkingDays) {
        Optional<Lender> lender = lenders.findByCode(code);
        lender.ifPresent(l -> l.setProfile(contactEmail, contactPhone, responseWorkingDays));
        return lender;
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
