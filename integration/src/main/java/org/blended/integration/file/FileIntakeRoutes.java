package org.blended.integration.file;

import static org.blended.integration.submission.IntakeRoutes.CHANNEL;
import static org.blended.integration.submission.IntakeRoutes.LENDER;
import static org.blended.integration.submission.IntakeRoutes.SOURCE;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.blended.integration.batch.BatchBusyException;
import org.blended.integration.batch.BatchFormat;
import org.blended.integration.batch.BatchProperties;
import org.blended.integration.batch.BatchResults;
import org.blended.integration.batch.BatchRoutes;
import org.blended.integration.batch.DroppedBatch;
import org.blended.integration.submission.ApplicationIntake;
import org.blended.integration.submission.Channel;
import org.blended.integration.submission.IntakeRoutes;
import org.blended.integration.submission.InvalidField;
import org.blended.integration.submission.InvalidSubmissionException;
import org.blended.integration.submission.Lenders;
import org.blended.integration.submission.Submission;
import org.blended.integration.submission.TransientIntakeException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * One folder per lender: {@code <directory>/<lender code>/}. A {@code .json} file holds one
 * application, or a batch when it is a JSON array; a {@code .csv} file is a batch. Its done/ and
 * error/ folders are not read. A file stays where it is until it is finished, so a restart or a
 * transient failure means it is read again (already decided rows are skipped).
 */
@Component
@EnableConfigurationProperties(FileIntakeProperties.class)
class FileIntakeRoutes extends RouteBuilder {

    /** Header: where the file goes once finished, its done/ or error/ folder. */
    static final String TARGET = "blendedTarget";
    /**
     * Files two levels down ({@code <lender code>/<file>}), read once their size has stopped changing.
     * readLockMinLength=0: an empty file is read (and refused) like any other; with the default of 1 it
     * could never be locked, and each one held the poll, for every lender, for the whole readLockTimeout.
     * A file still being written is skipped after readLockTimeout and read at a later poll.
     */
    private static final String DROPPED_FILES = "?recursive=true&minDepth=2&maxDepth=2&antInclude=*/*.json,*/*.csv"
            + "&readLock=changed&readLockCheckInterval=250&readLockMinAge=500&readLockMinLength=0&readLockTimeout=2000"
            + "&delay={{blended.intake.file.poll-delay-millis}}&move=${header." + TARGET + "}";
    private static final String TIMESTAMPED = "${file:onlyname.noext}-${date:now:yyyyMMdd-HHmmssSSS}.${file:ext}";

    private final ApplicationIntake intake;
    private final Lenders lenders;
    private final FileIntakeProperties files;
    private final BatchProperties batches;
    private final BatchResults results;

    FileIntakeRoutes(ApplicationIntake intake, Lenders lenders, FileIntakeProperties files, BatchProperties batches,
                     BatchResults results) {
        this.intake = intake;
        this.lenders = lenders;
        this.files = files;
        this.batches = batches;
        this.results = results;
    }

    @Override
    public void configure() {
        if (!files.enabled()) {
            return;
        }
        // The folder is the bound property made absolute, not a placeholder: ${file:parent} is absolute only
        // when the folder read is, and only then do done/ and error/ land beside the file (and the note in error/).
        BatchRoutes.leavingBusyBatchesQuietly(from("file:" + files.absoluteDirectory() + DROPPED_FILES).routeId("file-intake"))
                // side by side, so that a large batch does not hold up every other lender's files
                .threads(batches.concurrentBatches(), batches.concurrentBatches()).threadName("file-intake")
                .setHeader(CHANNEL, constant(Channel.FILE))
                .process(exchange -> exchange.getMessage().setHeader(SOURCE,
                        Submission.storableSource(exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class))))
                .setHeader(TARGET, simple("${file:parent}/done/" + TIMESTAMPED))
                .doTry()
                    .process(this::attributeToFolder)
                    .process(this::refuseEmptyFile)
                    .choice()
                        .when(FileIntakeRoutes::isBatch)
                            .process(FileIntakeRoutes::fileBatch)
                            .to(BatchRoutes.BATCH)
                            .process(this::writeResults)
                            .log("Finished batch ${header." + BatchRoutes.BATCH_ID + "} from ${header." + SOURCE + "}")
                        .otherwise()
                            .process(this::refuseOversizedFile)
                            .convertBodyTo(byte[].class)
                            .to(IntakeRoutes.ASSESS_WITH_RETRY)
                            .log("Decided ${header." + SOURCE + "}: application ${body.applicationId()} ${body.outcome()}")
                    .end()
                .endDoTry()
                .doCatch(BatchBusyException.class)
                    .log(LoggingLevel.DEBUG, "Left ${header." + SOURCE + "} to the instance working on it")
                    .process(IntakeRoutes::rethrow) // failed, so the file stays where it is, to be read again
                .doCatch(TransientIntakeException.class)
                    .log(LoggingLevel.WARN, "Left ${header." + SOURCE + "} in place to try again: ${exception.message}")
                    .process(IntakeRoutes::rethrow)
                .doCatch(Exception.class)
                    .setHeader(TARGET, simple("${file:parent}/error/" + TIMESTAMPED))
                    .process(new RejectedFileNote())
                    .log("Refused ${header." + SOURCE + "}: ${exception.message}; moved to ${header." + TARGET + "}")
                .end();
    }

    private void attributeToFolder(Exchange exchange) {
        var message = exchange.getMessage();
        message.setHeader(LENDER, lenders.idOfFolder(message.getHeader(Exchange.FILE_NAME, String.class)));
    }

    /** A CSV file, or a JSON file whose first character is '[': many applications. */
    private static boolean isBatch(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        if (BatchFormat.of(name) == BatchFormat.CSV) {
            return true;
        }
        try (InputStream in = Files.newInputStream(exchange.getMessage().getBody(File.class).toPath())) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '[';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same file (name, size and time) is the same batch, so a restart resumes it. */
    private static void fileBatch(Exchange exchange) {
        var message = exchange.getMessage();
        message.setHeader(BatchRoutes.BATCH_ID, DroppedBatch.id(message.getHeader(LENDER, UUID.class),
                message.getHeader(Exchange.FILE_NAME, String.class), message.getHeader(Exchange.FILE_LENGTH, Long.class),
                message.getHeader(Exchange.FILE_LAST_MODIFIED, Long.class)));
        message.setHeader(BatchRoutes.BATCH_FORMAT, BatchFormat.of(message.getHeader(Exchange.FILE_NAME, String.class)));
    }

    /**
     * {@code <done file name>.results.csv} in the done/ folder the file is about to move to, named
     * after the file's timestamped name there, so a file name a lender drops every day keeps each
     * day's results. Written aside and moved in whole, so whoever watches done/ never reads half of
     * it. The batch is decided whatever happens here, so a failure to write is logged, not a reason
     * to move the file to error/.
     */
    private void writeResults(Exchange exchange) throws IOException {
        var message = exchange.getMessage();
        UUID batchId = message.getHeader(BatchRoutes.BATCH_ID, UUID.class);
        Path target = Path.of(message.getHeader(TARGET, String.class));
        Path done = target.getParent();
        Path file = done.resolve(target.getFileName() + ".results.csv");
        Path part = done.resolve(file.getFileName() + ".part");
        try {
            Files.createDirectories(done);
            try (OutputStream out = Files.newOutputStream(part)) {
                results.writeCsv(batchId, out);
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            log.warn("Batch {} is decided but its results could not be written to {} ({}); "
                    + "GET /api/v1/batches/{}/results has them", batchId, file, e.toString(), batchId);
        }
    }

    /** An empty file holds no application: refused, and recorded like any file that cannot be read. */
    private void refuseEmptyFile(Exchange exchange) {
        Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length == 0) {
            var message = exchange.getMessage();
            throw intake.refuse(new Submission(new byte[0], Channel.FILE, message.getHeader(SOURCE, String.class),
                    message.getHeader(LENDER, UUID.class)), new InvalidSubmissionException(List.of(new InvalidField("$",
                    "the file is empty; drop a file holding one application as JSON, a JSON array or CSV with a header row"))));
        }
    }

    private void refuseOversizedFile(Exchange exchange) {
        Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length > files.maxFileBytes()) {
            throw new InvalidSubmissionException(List.of(new InvalidField("$",
                    "the file has " + length + " bytes; one application may have at most " + files.maxFileBytes()
                            + " (send many applications as a JSON array or CSV batch)")));
        }
    }
}
