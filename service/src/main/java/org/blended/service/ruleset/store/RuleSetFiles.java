package org.blended.service.ruleset.store;

import org.blended.service.ruleset.source.RuleSetFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Rule-set files as downloads: one file as it was uploaded, or the whole version as a .zip bundle. */
public final class RuleSetFiles {

    private RuleSetFiles() {
    }

    public static RuleSetFile named(List<RuleSetFile> files, int version, String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new RuleSetNotFoundException(version + " file " + name));
    }

    public static ResponseEntity<byte[]> download(RuleSetFile file) {
        MediaType type = switch (file.kind()) {
            case DECISION_TABLE_CSV -> MediaType.parseMediaType("text/csv;charset=UTF-8");
            case DECISION_TABLE_XLSX -> MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            case DRL, TEST_SCENARIO -> MediaType.parseMediaType("text/plain;charset=UTF-8");
            default -> MediaType.APPLICATION_OCTET_STREAM;
        };
        return attachment(file.name(), type, file.content());
    }

    public static ResponseEntity<byte[]> bundle(RuleSetRecord version, List<RuleSetFile> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (RuleSetFile file : files) {
                zip.putNextEntry(new ZipEntry(file.path()));
                zip.write(file.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return attachment(version.label() + ".zip", MediaType.parseMediaType("application/zip"), bytes.toByteArray());
    }

    private static ResponseEntity<byte[]> attachment(String name, MediaType type, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentDisposition(ContentDisposition.attachment().filename(name).build());
        return ResponseEntity.ok().headers(headers).body(content);
    }
}
