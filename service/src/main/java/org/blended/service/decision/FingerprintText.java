package org.blended.service.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The text a chained record's hash is taken of: each field written with its length first, so no
 * two different records produce the same text; then its SHA-256. Shared by the automated and the
 * final decisions' chains.
 */
public final class FingerprintText {

    private final StringBuilder text = new StringBuilder();

    public FingerprintText field(Object value) {
        String s = value == null ? "" : value.toString();
        text.append(value == null ? -1 : s.length()).append(':').append(s).append(';');
        return this;
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
