package org.blended.service.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.blended.integration.submission.Channel;
import org.blended.service.security.Caller;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A lender's refused submissions, newest first, with why each was refused. */
@RestController
@RequestMapping("/api/v1/rejections")
@Tag(name = "Rejections", description = "Submissions that could not be assessed, with their reasons")
class RejectionController {

    private final RejectionRepository rejections;

    public RejectionController(RejectionRepository rejections) {
        this.rejections = rejections;
    }

    public record RejectionView(UUID id, Channel channel, String source, UUID batchId, Integer batchRow, String reason,
                                Instant receivedAt, boolean payloadTruncated, String payload) {
        static RejectionView of(Rejection r, boolean withPayload) {
            return new RejectionView(r.getId(), r.getChannel(), r.getSource(), r.getBatchId(), r.getBatchRow(),
                    r.getReason(), r.getReceivedAt(), r.isPayloadTruncated(), withPayload ? r.getPayload() : null);
        }
    }

    @GetMapping
    @Operation(summary = "Your refused submissions, newest first; or one batch's, in row order")
    public List<RejectionView> rejections(@AuthenticationPrincipal Caller caller,
                                          @RequestParam(required = false) UUID batch,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        var found = batch == null
                ? rejections.findByLenderIdOrderByReceivedAtDesc(caller.lenderId(), PageRequest.of(page, size))
                : rejections.findByLenderIdAndBatchIdOrderByBatchRow(caller.lenderId(), batch, PageRequest.of(page, size));
        return found.stream().map(r -> RejectionView.of(r, false)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One refused submission with (up to 64 KiB of) its payload")
    public RejectionView rejection(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return rejections.findByIdAndLenderId(id, caller.lenderId()).map(r -> RejectionView.of(r, true))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No rejection with id " + id));
    }
}
