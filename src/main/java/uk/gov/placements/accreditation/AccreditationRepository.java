package uk.gov.placements.accreditation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccreditationRepository extends JpaRepository<Accreditation, Long> {
    List<Accreditation> findByProviderIdOrderByIdAsc(Long providerId);
}
