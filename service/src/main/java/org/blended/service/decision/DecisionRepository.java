package org.blended.service.decision;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DecisionRepository extends JpaRepository<Decision, UUID> {

    Optional<Decision> findByApplicationId(UUID applicationId);

    Optional<Decision> findByApplicationIdAndLenderId(UUID applicationId, UUID lenderId);

    /** The chained decisions after the given position, in chain order. */
    List<Decision> findBySequenceGreaterThanOrderBySequenceAsc(long sequence, Limit limit);
}
