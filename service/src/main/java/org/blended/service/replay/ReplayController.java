package org.blended.service.replay;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.blended.service.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Applications")
class ReplayController {

    private final ReplayService replay;

    public ReplayController(ReplayService replay) {
        this.replay = replay;
    }

    @PostMapping(path = "/api/v1/applications/{id}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replay a decision", description = "Evaluates the stored application again with the rule-set "
            + "version that decided it, on the same date with the same measure values, and reports whether outcome, "
            + "scores and reasons are identical.")
    public ReplayReport replay(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return replay.replay(caller.lenderId(), id);
    }
}
