package uk.gov.placements.child;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChildStatusRepository extends JpaRepository<ChildStatus, Long> {
    List<ChildStatus> findByChildIdOrderByFromDateAscIdAsc(Long childId);

    List<ChildStatus> findByChildIdInOrderByFromDateAscIdAsc(Collection<Long> childIds);
}
