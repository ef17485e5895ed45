package org.blended.integration.intake;

import java.util.Optional;
import java.util.UUID;

/** Finds a lender by its code: the name of its intake folder and of its broker user. */
public interface Lenders {

    Optional<UUID> idOfCode(String code);
}
