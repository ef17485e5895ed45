package org.blended.service.batch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.blended.integration.batch.BatchFormat;
import org.blended.integration.batch.BatchProperties;
import org.blended.service.lender.Lender;
import org.blended.service.lender.LenderRepository;
import org.blended.service.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Many applications in one request: the body (a JSON array, or CSV) is streamed to the spool
 * folder and answered at once with 202 and the batch's address; the batch route then assesses it
 * in the background, and GET shows its progress.
 */
@RestController
@RequestMapping(path = "/api/v1/batches", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Batches", description = "Submit many applications at once and follow their progress")
class BatchController {

    private static final String TEXT_CSV = "text/csv";

    private final BatchService batches;
    private final BatchQueries queries;
    private final LenderRepository lenders;
    private final BatchProperties properties;

    private final BatchResultsCsv csv;
    private final BatchResultsJson json;

    public BatchController(BatchService batches, BatchQueries queries, LenderRepository lenders, BatchProperties properties,
                           BatchResultsCsv csv, BatchResultsJson json) {
        this.batches = batches;
        this.queries = queries;
        this.lenders = lenders;
        this.properties = properties;
        this.csv = csv;
        this.json = json;
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Submit a batch", description = "A JSON array of applications, or CSV with a header row of "
            + "field paths (see the README). Answers 202 with the batch; follow its Location for progress.")
    @ApiResponse(responseCode = "202", description = "Received; being assessed")
    public ResponseEntity<BatchView> submit(HttpServletRequest request, @AuthenticationPrincipal Caller caller)
            throws IOException {
        Lender lender = lenders.findById(caller.lenderId()).orElseThrow();
        BatchFormat format = BatchFormat.of(request.getContentType());
        UUID id = UUID.randomUUID();
        Path folder = Path.of(properties.spoolDirectory()).resolve(lender.getCode());
        Files.createDirectories(folder);
        Path part = folder.resolve(id + ".part");
        try (InputStream body = request.getInputStream()) {
            Files.copy(body, part);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        if (Files.size(part) == 0) {
            Files.delete(part);
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The batch is empty: send a JSON array of "
                    + "applications or CSV with a header row");
        }
        try {
            batches.receive(id, caller.lenderId(), "api:" + caller.name(), format, Files.size(part));
        } catch (RuntimeException e) { // not on record, so never to be read: nothing of it is kept
            Files.deleteIfExists(part);
            throw e;
        }
        // Renamed only when whole (the route reads no .part), so the batch route never reads a half-written file.
        Files.move(part, folder.resolve(id + "." + format.extension()), StandardCopyOption.ATOMIC_MOVE);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.accepted().location(location).body(queries.batch(caller.lenderId(), id).orElseThrow());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A batch's progress: rows read, decided, rejected and outcome counts")
    public BatchView batch(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return queries.batch(caller.lenderId(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No batch with id " + id));
    }

    /** Written to the response as the rows are read, so a batch of any size is answered in constant memory. */
    @GetMapping(path = "/{id}/results", produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV})
    @Operation(summary = "A batch's results, row by row", description = "Each row with its lenderReference, "
            + "applicationId and outcome, or its rejection (why it was refused), in row order; JSON, or CSV with "
            + "Accept: text/csv. A row repeating a reference decided before stored nothing of its own and is not "
            + "listed (the batch counts it in alreadyDecided; find that decision by its lenderReference).")
    @ApiResponse(responseCode = "404", description = "No such batch of yours")
    public void results(@PathVariable UUID id, @AuthenticationPrincipal Caller caller,
                        @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                        HttpServletResponse response) throws IOException {
        batch(id, caller);
        boolean asCsv = accept != null && accept.contains(TEXT_CSV);
        response.setContentType(asCsv ? TEXT_CSV + ";charset=UTF-8" : MediaType.APPLICATION_JSON_VALUE);
        if (asCsv) {
            csv.writeCsv(id, response.getOutputStream());
        } else {
            json.write(id, response.getOutputStream());
        }
    }

    @GetMapping
    @Operation(summary = "Your batches, newest first")
    public List<BatchView> batches(@AuthenticationPrincipal Caller caller,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.recent(caller.lenderId(), size);
    }
}
