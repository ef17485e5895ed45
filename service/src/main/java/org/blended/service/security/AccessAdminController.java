package org.blended.service.security;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.blended.service.lender.Lender;
import org.blended.service.lender.LenderDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Admins register lenders, issue and revoke API keys, and add people who sign in to the pages. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration", description = "Lenders, API keys and people (role ADMIN)")
class AccessAdminController {

    private final LenderDirectory lenders;
    private final ApiKeys apiKeys;
    private final JdbcUserDetailsManager people;
    private final PasswordEncoder passwords;
    private final org.blended.service.lender.LenderPeople staff;

    public AccessAdminController(LenderDirectory lenders, ApiKeys apiKeys, JdbcUserDetailsManager people,
                                 PasswordEncoder passwords, org.blended.service.lender.LenderPeople staff) {
        this.staff = staff;
        this.lenders = lenders;
        this.apiKeys = apiKeys;
        this.people = people;
        this.passwords = passwords;
    }

    public record NewLender(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name) {
    }

    public record LenderView(UUID id, String code, String name, Instant createdAt, String contactEmail,
                             String contactPhone, Integer responseWorkingDays) {
        static LenderView of(Lender l) {
            return new LenderView(l.getId(), l.getCode(), l.getName(), l.getCreatedAt(), l.getContactEmail(),
                    l.getContactPhone(), l.getResponseWorkingDays());
        }
    }

    private static final String PHONE = "(\\+?[0-9 ()-]{6,40})?";

    /** What an applicant's page tells them: whom to contact and how soon the lender answers. Each may be left out. */
    public record LenderProfile(@Email @Size(max = 254) String contactEmail,
                                @Pattern(regexp = PHONE, message = "must be a telephone number: digits, spaces, "
                                        + "brackets or dashes, with an optional leading +") String contactPhone,
                                @Min(1) @Max(60) Integer responseWorkingDays) {
    }

    public record NewApiKey(@NotBlank @Size(max = 100) String name, @NotNull Role role, String lenderCode) {
    }

    public record ApiKeyView(UUID id, String name, Role role, UUID lenderId, String hint, String createdBy,
                             Instant createdAt, String revokedBy, Instant revokedAt, String key) {
        static ApiKeyView of(ApiKey k, String secret) {
            return new ApiKeyView(k.getId(), k.getName(), k.getRole(), k.getLenderId(), k.getKeyHint(),
                    k.getCreatedBy(), k.getCreatedAt(), k.getRevokedBy(), k.getRevokedAt(), secret);
        }
    }

    /** An officer or senior officer names their lender by code: they see only its applications. */
    public record NewPerson(@NotBlank @Size(max = 50) String username, @NotBlank @Size(min = 12, max = 200) String password,
                            @NotNull Role role, String lenderCode) {
    }

    @PostMapping("/lenders")
    @Operation(summary = "Register a lender", description = "The code names its intake folder and its broker user.")
    public ResponseEntity<LenderView> registerLender(@Valid @RequestBody NewLender body) {
        try {
            Lender lender = lenders.register(body.code(), body.name());
            return ResponseEntity.created(URI.create("/api/v1/admin/lenders/" + lender.getCode())).body(LenderView.of(lender));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ResponseStatusException(e instanceof IllegalStateException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                    e.getMessage());
        }
    }

    @GetMapping("/lenders")
    public List<LenderView> lenders() {
        return lenders.all().stream().map(LenderView::of).toList();
    }

    @PutMapping("/lenders/{code}/profile")
    @Operation(summary = "Set a lender's profile", description = "The contact email, phone and answer time in working "
            + "days an applicant reads on their assessment page; a field left out is cleared.")
    public LenderView setProfile(@PathVariable String code, @Valid @RequestBody LenderProfile body) {
        return lenders.setProfile(code, blankless(body.contactEmail()), blankless(body.contactPhone()),
                        body.responseWorkingDays()).map(LenderView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No lender with code " + code));
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @PostMapping("/api-keys")
    @Operation(summary = "Issue an API key", description = "The key is in the answer once and never again; "
            + "only its SHA-256 is stored. A LENDER key must name its lender by code.")
    public ResponseEntity<ApiKeyView> issue(@Valid @RequestBody NewApiKey body, Principal admin) {
        UUID lenderId = null;
        if (body.role() == Role.LENDER) {
            if (body.lenderCode() == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "lenderCode: a LENDER key must name its lender");
            }
            lenderId = lenders.idOfCode(body.lenderCode()).orElseThrow(() ->
                    new ResponseStatusException(HttpStatus.BAD_REQUEST, "lenderCode: no lender with code " + body.lenderCode()));
        }
        ApiKeys.IssuedKey issued = apiKeys.issue(body.name(), body.role(), lenderId, admin.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/api-keys/" + issued.key().getId()))
                .body(ApiKeyView.of(issued.key(), issued.secret()));
    }

    @GetMapping("/api-keys")
    public List<ApiKeyView> keys() {
        return apiKeys.all().stream().map(k -> ApiKeyView.of(k, null)).toList();
    }

    @DeleteMapping("/api-keys/{id}")
    @Operation(summary = "Revoke an API key", description = "Takes effect on the next request.")
    public ApiKeyView revoke(@PathVariable UUID id, Principal admin) {
        return apiKeys.revoke(id, admin.getName()).map(k -> ApiKeyView.of(k, null))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No API key with id " + id));
    }

    @PostMapping("/people")
    @Operation(summary = "Add a person who signs in to the pages (POLICY_OWNER, RULE_AUTHOR, ADMIN, or a lender's "
            + "OFFICER or SENIOR_OFFICER, who must name the lender by lenderCode)")
    @org.springframework.transaction.annotation.Transactional
    public ResponseEntity<Void> addPerson(@Valid @RequestBody NewPerson body) {
        if (body.role() == Role.LENDER) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "role: lenders use API keys, not sign-in");
        }
        UUID lenderId = null;
        if (body.role().ofLenderStaff()) {
            if (body.lenderCode() == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "lenderCode: an officer must name their lender");
            }
            lenderId = lenders.idOfCode(body.lenderCode()).orElseThrow(() ->
                    new ResponseStatusException(HttpStatus.BAD_REQUEST, "lenderCode: no lender with code " + body.lenderCode()));
        } else if (body.lenderCode() != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "lenderCode: only officers belong to a lender");
        }
        if (people.userExists(body.username())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "username: " + body.username() + " exists already");
        }
        people.createUser(User.withUsername(body.username()).password(passwords.encode(body.password()))
                .roles(body.role().name()).build());
        if (lenderId != null) {
            staff.tie(body.username(), lenderId);
        }
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }
}
