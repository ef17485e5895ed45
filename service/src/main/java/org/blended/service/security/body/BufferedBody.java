package org.blended.service.security.body;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A request body as it arrives: in memory up to a threshold, then in a temporary file (a batch may
 * be hundreds of megabytes). Every byte is taken from the shared budget and given back on discard.
 */
final class BufferedBody {

    private final int memoryThreshold;
    private final Path folder;
    private final BodyBudget budget;
    private byte[] memory;
    private int inMemory;
    private Path file;
    private OutputStream toFile;
    private long length;
    private boolean discarded;

    BufferedBody(long declaredLength, int memoryThreshold, Path folder, BodyBudget budget) {
        this.memoryThreshold = Math.max(1, memoryThreshold);
        this.folder = folder;
        this.budget = budget;
        // Grown as bytes arrive: a declared length is only a claim, and many connections may claim much.
        this.memory = new byte[(int) Math.min(Math.min(declaredLength > 0 ? declaredLength : 1024, 8192), this.memoryThreshold)];
    }

    /** False, keeping nothing, when the budget of all bodies is spent. */
    synchronized boolean append(byte[] bytes, int offset, int count) throws IOException {
        if (!budget.take(count)) {
            return false;
        }
        length += count;
        if (file == null && inMemory + count <= memoryThreshold) {
            if (inMemory + count > memory.length) {
                memory = Arrays.copyOf(memory, (int) Math.min(memoryThreshold, Math.max(2L * memory.length, inMemory + count)));
            }
            System.arraycopy(bytes, offset, memory, inMemory, count);
            inMemory += count;
            return true;
        }
        if (file == null) {
            file = Files.createTempFile(folder, "request-body-", ".tmp");
            toFile = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            toFile.write(memory, 0, inMemory);
            memory = null;
        }
        toFile.write(bytes, offset, count);
        return true;
    }

    synchronized long length() {
        return length;
    }

    /** Called once the whole body has arrived. */
    synchronized void finish() throws IOException {
        if (toFile != null) {
            toFile.close();
        }
    }

    synchronized InputStream open() throws IOException {
        if (discarded) {
            throw new IOException("The request body has been discarded");
        }
        return file == null ? new ByteArrayInputStream(memory, 0, inMemory) : Files.newInputStream(file);
    }

    /** Frees what the body holds; safe to call more than once. */
    synchronized void discard() {
        if (discarded) {
            return;
        }
        discarded = true;
        budget.give(length);
        memory = null;
        try {
            if (toFile != null) {
                toFile.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            file.toFile().deleteOnExit(); // left to the end of the process rather than failing the request
        }
    }
}
