package org.blended.service.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Tamper evidence of stored decisions (role ADMIN)")
class AuditController {

    private final ChainVerifier verifier;

    public AuditController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute the decision hash chain",
            description = "Reports whether every stored decision still matches its hash and chains to the one "
                    + "before, and if not the first broken link.")
    public ChainVerifier.Report verify() {
        return verifier.verify();
    }
}
