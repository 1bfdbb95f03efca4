package uk.gov.placements.iro;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface IroDisputeRepository extends JpaRepository<IroDispute, Long> {
    List<IroDispute> findByChildIdOrderByIdAsc(Long childId);

    List<IroDispute> findByChildIdAndStatus(Long childId, IroDispute.Status status);
}
