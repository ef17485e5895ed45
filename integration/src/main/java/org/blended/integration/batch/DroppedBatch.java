package org.blended.integration.batch;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A batch dropped as a file is named after the file: the same file (lender, name in the intake
 * folder, size and time) is the same batch, so a restart resumes it; a changed file is a new batch.
 */
public final class DroppedBatch {

    private DroppedBatch() {
    }

    public static UUID id(UUID lenderId, String name, long length, long lastModifiedMillis) {
        String identity = lenderId + ":" + name + ":" + length + ":" + lastModifiedMillis;
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }
}
