package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.upload.RuleSetUpload;
import org.blended.service.ruleset.upload.RuleSetUploadException;
import org.blended.service.ruleset.upload.RuleSetUploads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** A .zip bundle is counted by what it inflates to, the entries it skips included, and refused once past the limit. */
class RuleSetBundleLimitTest {

    private static final byte[] RULES = "package org.blended.rules;\n".getBytes(StandardCharsets.UTF_8);
    private static final int MiB = 1024 * 1024;
    private static final String TOO_LARGE = "The bundle is too large: at most 200 files and 20 MiB unpacked.";

    /** An entry of the generated zip: its content, then that many zero bytes (which compress about 1000:1). */
    record Entry(String name, byte[] content, long zeros) {
        static Entry file(String name) {
            return new Entry(name, RULES, 0);
        }

        static Entry zeros(String name, long zeros) {
            return new Entry(name, new byte[0], zeros);
        }
    }

    @Test
    void skippedEntriesThatInflatePastTheLimitAreRefused() {
        byte[] zip = zip(Entry.file("rules/extra.drl"),
                Entry.zeros("__MACOSX/rules/._extra.drl", RuleSetUploads.MAX_BUNDLE_BYTES + MiB));
        assertThat(zip.length).as("the upload is small").isLessThan(MiB);

        assertThatThrownBy(() -> upload(zip)).isInstanceOfSatisfying(RuleSetUploadException.class,
                e -> assertThat(e.getBody().getDetail()).isEqualTo(TOO_LARGE));
    }

    @Test
    void skippedEntriesCountTogetherWithTheFilesKept() {
        long third = RuleSetUploads.MAX_BUNDLE_BYTES / 3 + 1; // none is too large alone; together they are
        byte[] zip = zip(Entry.zeros("docs/", third), Entry.zeros(".hidden", third), Entry.zeros("rules/big.drl", third));

        assertThatThrownBy(() -> upload(zip)).isInstanceOfSatisfying(RuleSetUploadException.class,
                e -> assertThat(e.getBody().getDetail()).isEqualTo(TOO_LARGE));
    }

    @Test
    void aBundleWithinTheLimitKeepsItsFilesAndSkipsTheRest() {
        List<RuleSetFile> files = upload(zip(Entry.zeros("rules/", 0), Entry.file("rules/extra.drl"),
                Entry.zeros("__MACOSX/rules/._extra.drl", MiB), Entry.zeros("rules/.DS_Store", 1024)));

        assertThat(files).extracting(RuleSetFile::name).containsExactly("extra.drl");
        assertThat(files.get(0).content()).isEqualTo(RULES);
    }

    private static List<RuleSetFile> upload(byte[] zip) {
        return RuleSetUploads.merge(List.of(), List.of(new RuleSetUpload("bundle.zip", zip)));
    }

    private static byte[] zip(Entry... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] zeros = new byte[64 * 1024];
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Entry entry : entries) {
                out.putNextEntry(new ZipEntry(entry.name()));
                out.write(entry.content());
                for (long left = entry.zeros(); left > 0; left -= zeros.length) {
                    out.write(zeros, 0, (int) Math.min(zeros.length, left));
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
