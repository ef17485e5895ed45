package org.blended.integration.submission;

import java.util.Optional;
import java.util.UUID;

/** Finds a lender by its code: the name of its intake folder and of its broker user. */
public interface Lenders {

    Optional<UUID> idOfCode(String code);

    /**
     * The lender is the folder a file was dropped in: "acme-fund/app.json" (relative to the intake
     * or spool folder) belongs to acme-fund.
     *
     * @throws UnattributedSubmissionException when the folder is no lender's
     */
    default UUID idOfFolder(String relativeFileName) {
        String relative = relativeFileName.replace('\\', '/');
        String code = relative.substring(0, relative.indexOf('/'));
        return idOfCode(code).orElseThrow(() -> new UnattributedSubmissionException("the folder " + code
                + " belongs to no lender; drop files into the folder named after your lender code"));
    }
}
