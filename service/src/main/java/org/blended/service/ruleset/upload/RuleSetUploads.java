package org.blended.service.ruleset.upload;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.ShippedRuleSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

/**
 * Turns what a policy owner uploads into a draft's files: a zip is a whole bundle; a single table,
 * DRL file or scenario file replaces the file of the same name in the version it is based on
 * (an edited table may come back as .xlsx in place of .csv), or is added beside them.
 */
public final class RuleSetUploads {

    static final int MAX_FILES = 200;
    private static final Pattern COPY_NUMBER = Pattern.compile("\\s*\\(\\d{1,3}\\)(?=\\.[^.]+$|\\.drl\\.[^.]+$)");
    public static final long MAX_BUNDLE_BYTES = 20L * 1024 * 1024;

    private RuleSetUploads() {
    }

    /** As a rule author uploads: a table of a new name is added. */
    public static List<RuleSetFile> merge(List<RuleSetFile> base, List<RuleSetUpload> uploads) {
        return merge(base, uploads, null, true);
    }

    /**
     * The draft's files. A browser's renamed copy of a download ("debt-service-cover (1).drl.csv")
     * replaces the table it is a copy of; unless the uploader may add tables (a rule author), a table
     * whose name matches none of the version's is refused, naming the closest, rather than added
     * beside it (where its rules would clash with the table it was meant to replace).
     */
    public static List<RuleSetFile> merge(List<RuleSetFile> base, List<RuleSetUpload> uploads, Integer baseVersion,
                                          boolean mayAddTables) {
        if (uploads.isEmpty()) {
            throw new RuleSetUploadException("Choose a file to upload: a decision table (.csv or .xlsx), "
                    + "a DRL file (.drl), Test Scenarios (.scesim), or a whole rule set as .zip.");
        }
        if (uploads.stream().anyMatch(RuleSetUpload::isBundle)) {
            if (uploads.size() > 1) {
                throw new RuleSetUploadException("Upload a .zip bundle on its own: it replaces the whole rule set.");
            }
            return bundle(uploads.get(0));
        }
        Map<String, RuleSetFile> files = new LinkedHashMap<>();
        base.forEach(f -> files.put(f.path(), f));
        for (RuleSetUpload upload : uploads) {
            RuleSetFile incoming = accepted(upload.fileName(), upload.content());
            RuleSetFile replaced = sameAs(files.values(), incoming);
            if (replaced == null && incoming.isRules()) {
                RuleSetFile original = new RuleSetFile(withoutCopyNumber(incoming.name()), incoming.content());
                replaced = sameAs(files.values(), original);
                if (replaced != null) {
                    incoming = original; // keeps the table's own name
                }
            }
            if (replaced == null && !mayAddTables && isTable(incoming)) {
                throw new RuleSetUploadException(unmatched(incoming.name(), base, baseVersion));
            }
            String folder = replaced != null ? folder(replaced.path())
                    : incoming.kind() == RuleSetFile.Kind.TEST_SCENARIO ? ShippedRuleSet.SCENARIOS
                    : ShippedRuleSet.RULES_ROOT + "uploaded/";
            if (replaced != null) {
                files.remove(replaced.path());
            }
            RuleSetFile placed = new RuleSetFile(folder + tableName(incoming.name()), incoming.content());
            files.put(placed.path(), placed);
        }
        return checked(new ArrayList<>(files.values()));
    }

    /**
     * Every entry is inflated and counted against the limit, the skipped ones too, by the bytes it
     * actually inflates to (never the size it declares), and reading stops as soon as the limit is
     * passed: a small zip cannot make the service inflate a gigabyte.
     */
    private static List<RuleSetFile> bundle(RuleSetUpload zip) {
        List<RuleSetFile> files = new ArrayList<>();
        long total = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.content()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                boolean skipped = entry.isDirectory() || entry.getName().startsWith("__MACOSX/")
                        || name(entry.getName()).startsWith(".");
                ByteArrayOutputStream kept = skipped ? null : new ByteArrayOutputStream();
                for (int read; (read = in.read(buffer)) != -1; ) {
                    total += read;
                    if (total > MAX_BUNDLE_BYTES) {
                        throw tooLarge();
                    }
                    if (kept != null) {
                        kept.write(buffer, 0, read);
                    }
                }
                if (skipped) {
                    continue;
                }
                if (files.size() >= MAX_FILES) {
                    throw tooLarge();
                }
                byte[] content = kept.toByteArray();
                String path = entry.getName().replace('\\', '/');
                if (path.contains("..") || path.startsWith("/")) {
                    throw new RuleSetUploadException("The bundle holds a file with an unsafe path: " + path);
                }
                RuleSetFile file = accepted(path, content);
                String placed = placed(path, file);
                files.add(new RuleSetFile(folder(placed) + tableName(name(placed)), content));
            }
        } catch (IOException e) {
            throw new RuleSetUploadException("The .zip bundle could not be read: " + e.getMessage());
        }
        return checked(files);
    }

    private static RuleSetUploadException tooLarge() {
        return new RuleSetUploadException("The bundle is too large: at most " + MAX_FILES + " files and "
                + MAX_BUNDLE_BYTES / (1024 * 1024) + " MiB unpacked.");
    }

    /**
     * What an upload of single files will replace under another name, in sentences for the success
     * message: "debt-service-cover (1).drl.csv replaced debt-service-cover.drl.csv."
     */
    public static List<String> recognisedCopies(List<RuleSetFile> base, List<RuleSetUpload> uploads) {
        List<String> said = new ArrayList<>();
        for (RuleSetUpload upload : uploads) {
            if (upload.isBundle()) {
                continue;
            }
            RuleSetFile incoming = new RuleSetFile(name(upload.fileName()), upload.content());
            if (!incoming.isRules() || sameAs(base, incoming) != null) {
                continue;
            }
            RuleSetFile replaced = sameAs(base, new RuleSetFile(withoutCopyNumber(incoming.name()), upload.content()));
            if (replaced != null) {
                said.add(incoming.name() + " was taken as a copy of " + replaced.name() + ", which it replaced.");
            }
        }
        return said;
    }

    /**
     * The name Drools compiles a decision table by: it takes only files ending .drl.csv or .drl.xlsx
     * as tables and passes over a plain .csv or .xlsx without a word, so "debt-service-cover.xlsx" is
     * stored as "debt-service-cover.drl.xlsx".
     */
    public static String tableName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".drl.csv") || lower.endsWith(".drl.xlsx")) {
            return name;
        }
        for (String extension : List.of(".csv", ".xlsx")) {
            if (lower.endsWith(extension)) {
                return name.substring(0, name.length() - extension.length()) + ".drl" + name.substring(name.length() - extension.length());
            }
        }
        return name;
    }

    /** "debt-service-cover (1).drl.csv", "debt-service-cover(2).drl.csv", "debt-service-cover.drl (1).csv": the name a browser gives a second download. */
    static String withoutCopyNumber(String name) {
        return COPY_NUMBER.matcher(name).replaceFirst("");
    }

    private static RuleSetFile sameAs(java.util.Collection<RuleSetFile> files, RuleSetFile incoming) {
        return files.stream().filter(f -> key(f).equals(key(incoming))).findFirst().orElse(null);
    }

    private static boolean isTable(RuleSetFile file) {
        return file.kind() == RuleSetFile.Kind.DECISION_TABLE_CSV || file.kind() == RuleSetFile.Kind.DECISION_TABLE_XLSX;
    }

    private static String unmatched(String name, List<RuleSetFile> base, Integer baseVersion) {
        String stem = stem(name);
        String closest = null;
        int distance = Integer.MAX_VALUE;
        for (RuleSetFile file : base) {
            if (isTable(file)) {
                int d = distance(stem, stem(file.name()));
                if (d < distance) {
                    distance = d;
                    closest = file.name();
                }
            }
        }
        boolean close = closest != null && distance <= Math.max(3, stem.length() / 2);
        return name + " matches no table of " + (baseVersion == null ? "the version it is based on" : "version " + baseVersion)
                + (close ? "; did you mean " + closest + "?" : ".")
                + " Name the file as the table you changed (or download the table again and edit that copy)."
                + " To add a new table, a rule author uploads it.";
    }

    /** Levenshtein's edit distance: how many letters to change, add or remove to turn one name into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Bundles downloaded from here keep their paths; anything else is filed by kind. */
    private static String placed(String path, RuleSetFile file) {
        if (path.startsWith(ShippedRuleSet.RULES_ROOT) || path.startsWith(ShippedRuleSet.SCENARIOS)) {
            return path;
        }
        return (file.kind() == RuleSetFile.Kind.TEST_SCENARIO ? ShippedRuleSet.SCENARIOS : ShippedRuleSet.RULES_ROOT + "uploaded/")
                + file.name();
    }

    private static RuleSetFile accepted(String fileName, byte[] content) {
        RuleSetFile file = new RuleSetFile(name(fileName), content);
        if (file.kind() == RuleSetFile.Kind.OTHER) {
            throw new RuleSetUploadException("File " + file.name() + " is not part of a rule set: upload decision tables "
                    + "(.csv or .xlsx), DRL files (.drl) and Test Scenarios (.scesim).");
        }
        if (content.length == 0) {
            throw new RuleSetUploadException("File " + file.name() + " is empty.");
        }
        return file;
    }

    private static List<RuleSetFile> checked(List<RuleSetFile> files) {
        Set<String> names = new HashSet<>();
        for (RuleSetFile f : files) {
            if (!names.add(key(f))) {
                throw new RuleSetUploadException("Two files are named " + stem(f.name())
                        + ": each table and DRL file needs its own name, and so does each scenario file.");
            }
        }
        if (files.stream().noneMatch(RuleSetFile::isRules)) {
            throw new RuleSetUploadException("A rule set needs at least one DRL file or decision table.");
        }
        files.sort(java.util.Comparator.comparing(RuleSetFile::path));
        return files;
    }

    /** Rules and scenarios are named apart: decision-matrix.drl.csv and decision-matrix.scesim are two files. */
    private static String key(RuleSetFile file) {
        return (file.kind() == RuleSetFile.Kind.TEST_SCENARIO ? "scenarios:" : "rules:") + stem(file.name());
    }

    /** "debt-service-cover.drl.csv" and "debt-service-cover.xlsx" are the same table. */
    public static String stem(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : List.of(".drl.csv", ".drl.xlsx", ".csv", ".xlsx", ".drl", ".scesim")) {
            if (lower.endsWith(suffix)) {
                return lower.substring(0, lower.length() - suffix.length());
            }
        }
        return lower;
    }

    private static String name(String path) {
        String clean = path.replace('\\', '/');
        return clean.substring(clean.lastIndexOf('/') + 1);
    }

    private static String folder(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }
}
