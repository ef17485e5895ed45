package org.blended.service.lender;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LenderRepository extends JpaRepository<Lender, UUID> {

    Optional<Lender> findByCode(String code);
}
