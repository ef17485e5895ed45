package org.blended.service.whatif;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.blended.service.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Rule sets")
class WhatIfController {

    private final WhatIfService whatIf;

    public WhatIfController(WhatIfService whatIf) {
        this.whatIf = whatIf;
    }

    @PostMapping(path = "/api/v1/rule-sets/{version}/what-if", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Simulate a version over past applications", description = "Evaluates the version and the "
            + "active one over stored applications (all, or received from/to a date, of one lender) in the background. "
            + "Answers 202 with the run; follow it at the Location given.")
    public ResponseEntity<WhatIfView> start(@PathVariable int version, @RequestBody(required = false) WhatIfScope scope,
                                            @AuthenticationPrincipal Caller caller) {
        UUID id = whatIf.start(version, scope == null ? WhatIfScope.all() : scope, caller.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/what-if/" + id)).body(whatIf.view(id, 0));
    }

    @GetMapping(path = "/api/v1/what-if/{id}.csv", produces = "text/csv")
    @Operation(summary = "A what-if run's changed applications as CSV, outcome changes first",
            description = "Every changed application (not only the first 500): reference, organisation, legal form, "
                    + "amount, outcome under the active version and the draft, the reasons added and dropped, and why.")
    public void csv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        WhatIfCsv.write(whatIf, id, response);
    }

    @GetMapping(path = "/api/v1/what-if/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A what-if run: progress, both versions side by side, and each application that changes",
            description = "Changed applications whose outcome changes come first; 500 at a time, ?after=500 for the next. "
                    + "draftValid is null while the simulated version has not been validated.")
    public WhatIfView get(@PathVariable UUID id, @RequestParam(defaultValue = "0") int after) {
        return whatIf.view(id, after);
    }
}
