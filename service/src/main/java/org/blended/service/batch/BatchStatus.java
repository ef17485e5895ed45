package org.blended.service.batch;

/** RECEIVED: posted, not yet started. RUNNING: rows being assessed (or waiting to resume). */
enum BatchStatus {
    RECEIVED, RUNNING, COMPLETED, FAILED
}
