package org.blended.service.valuation;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LenderMeasureValueRepository extends JpaRepository<LenderMeasureValue, LenderMeasureValue.Key> {

    List<LenderMeasureValue> findByLenderIdOrderByMeasure(UUID lenderId);

    @Modifying
    @Query("delete from LenderMeasureValue v where v.lenderId = ?1")
    void deleteByLender(UUID lenderId);
}
