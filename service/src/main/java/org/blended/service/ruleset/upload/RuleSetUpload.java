package org.blended.service.ruleset.upload;

import java.util.Locale;

/** A file as a policy owner uploads it: a table, DRL file or scenario file, or a .zip bundle of them. */
public record RuleSetUpload(String fileName, byte[] content) {

    public boolean isBundle() {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".zip");
    }
}
