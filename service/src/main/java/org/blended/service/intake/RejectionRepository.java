package org.blended.service.intake;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RejectionRepository extends JpaRepository<Rejection, UUID> {

    List<Rejection> findBySource(String source);

    List<Rejection> findByLenderIdOrderByReceivedAtDesc(UUID lenderId, Pageable page);

    List<Rejection> findByLenderIdAndBatchIdOrderByBatchRow(UUID lenderId, UUID batchId, Pageable page);

    Optional<Rejection> findByIdAndLenderId(UUID id, UUID lenderId);
}
