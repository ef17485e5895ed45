package org.blended.service.decision;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StoredApplicationRepository extends JpaRepository<StoredApplication, UUID> {

    long countByLenderReference(String lenderReference);

    Optional<StoredApplication> findByIdAndLenderId(UUID id, UUID lenderId);

    Optional<StoredApplication> findByAccessToken(String accessToken);

    List<StoredApplication> findByLenderReference(String lenderReference);
}
