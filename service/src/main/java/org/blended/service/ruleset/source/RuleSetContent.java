package org.blended.service.ruleset.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** A fingerprint of a rule set's files, independent of their order, to recognise the same content. */
public final class RuleSetContent {

    private RuleSetContent() {
    }

    public static String hash(List<RuleSetFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.stream().sorted(Comparator.comparing(RuleSetFile::path)).forEach(f -> {
                digest.update(f.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Integer.toString(f.content().length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(f.content());
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
