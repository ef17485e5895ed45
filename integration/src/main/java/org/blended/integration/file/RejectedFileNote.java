package org.blended.integration.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.blended.integration.batch.UnreadableBatchException;
import org.blended.integration.submission.IntakeRoutes;
import org.blended.integration.submission.InvalidSubmissionException;
import org.blended.integration.submission.NotAssessedException;
import org.blended.integration.submission.StorableText;
import org.blended.integration.submission.UnattributedSubmissionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes why a dropped file was refused beside where the file is moved: {@code error/<name>.reason.txt}. */
class RejectedFileNote implements Processor {

    private static final Logger log = LoggerFactory.getLogger(RejectedFileNote.class);

    @Override
    public void process(Exchange exchange) throws Exception {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Path note = Path.of(exchange.getMessage().getHeader(FileIntakeRoutes.TARGET, String.class) + ".reason.txt");
        Files.createDirectories(note.getParent());
        // Bytes, not writeString: that refuses any character UTF-8 cannot encode, and the note must be written.
        Files.write(note, describe(exchange.getMessage().getHeader(IntakeRoutes.SOURCE, String.class), cause)
                .getBytes(StandardCharsets.UTF_8));
    }

    static String describe(String fileName, Exception cause) {
        StringBuilder text = new StringBuilder();
        if (cause instanceof UnattributedSubmissionException unattributed) {
            text.append(fileName).append(" was not assessed: ").append(unattributed.getMessage()).append(".\n");
        } else if (cause instanceof InvalidSubmissionException invalid) {
            text.append(fileName).append(" was not assessed: it is not a valid application.\n");
            invalid.getInvalidFields().forEach(f -> text.append("- ").append(f).append('\n'));
            if (invalid.getRejectionId() != null) {
                text.append("Recorded as rejection ").append(invalid.getRejectionId()).append(".\n");
            }
            text.append("Correct the file and drop it into the intake folder again.\n");
        } else if (cause instanceof NotAssessedException notAssessed) {
            text.append(fileName).append(" was not assessed: ").append(notAssessed.getMessage()).append(".\n")
                    .append("Recorded as rejection ").append(notAssessed.getRejectionId()).append(".\n")
                    .append("The fault is on our side, not in the file: drop it into the intake folder again once ")
                    .append("the rule set is put right.\n");
        } else if (cause instanceof UnreadableBatchException unreadable) {
            text.append(fileName).append(" could not be read as a batch: ").append(unreadable.getMessage()).append(".\n")
                    .append("Rows before the fault keep their decisions; sending the corrected file again decides ")
                    .append("only the rows whose reference is new.\n");
        } else {
            // What failed inside (a database message, a class name) is for our log, not for the sender.
            String reference = UUID.randomUUID().toString();
            log.error("Could not assess {} (reference {})", fileName, reference, cause);
            text.append(fileName).append(" was not assessed because of an error on our side (reference ")
                    .append(reference).append(").\n")
                    .append("Nothing was stored. Drop the file into the intake folder again to retry; if it fails again, ")
                    .append("tell us the reference.\n");
        }
        return StorableText.of(text.toString());
    }
}
