package uk.gov.placements.child;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChildRepository extends JpaRepository<Child, Long> {
    List<Child> findByCouncilOrderByLastNameAsc(String council);

    List<Child> findByAllocatedSocialWorkerAndCouncilInOrderByLastNameAscFirstNameAscIdAsc(String socialWorker,
                                                                                          Collection<String> councils);
}
