package org.blended.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, checks and revokes API keys. Only a key's SHA-256 is kept; the key is shown once. */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;
    private final Clock clock;

    public ApiKeys(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A key as issued: the only moment its secret value exists outside the caller's hands. */
    public record IssuedKey(ApiKey key, String secret) {
    }

    @Transactional
    public IssuedKey issue(String name, Role role, UUID lenderId, String issuedBy) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "bk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new IssuedKey(store(name, secret, role, lenderId, issuedBy), secret);
    }

    /** Stores a key whose value is chosen by configuration (the demo credentials); idempotent. */
    @Transactional
    public ApiKey register(String name, String secret, Role role, UUID lenderId, String issuedBy) {
        return keys.findByKeyHash(sha256(secret)).orElseGet(() -> store(name, secret, role, lenderId, issuedBy));
    }

    @Transactional(readOnly = true)
    public Optional<Caller> authenticate(String secret) {
        return keys.findByKeyHash(sha256(secret)).filter(k -> !k.isRevoked())
                .map(k -> new Caller(k.getId(), k.getName(), k.getRole(), k.getLenderId()));
    }

    @Transactional(readOnly = true)
    public List<ApiKey> all() {
        return keys.findAll(org.springframework.data.domain.Sort.by("createdAt"));
    }

    /** Revokes a key at once; revoking twice keeps the first record of who did it. */
    @Transactional
    public Optional<ApiKey> revoke(UUID id, String revokedBy) {
        return keys.findById(id).map(key -> {
            if (!key.isRevoked()) {
                key.revoke(revokedBy, clock.instant());
            }
            return key;
        });
    }

    private ApiKey store(String name, String secret, Role role, UUID lenderId, String issuedBy) {
        if (role == Role.LENDER && lenderId == null) {
            throw new IllegalArgumentException("a lender's key must name its lender");
        }
        String hint = secret.substring(0, Math.min(8, secret.length()));
        return keys.save(new ApiKey(name, sha256(secret), hint, role, lenderId, issuedBy, clock.instant()));
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
