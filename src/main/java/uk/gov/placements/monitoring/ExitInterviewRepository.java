package uk.gov.placements.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExitInterviewRepository extends JpaRepository<ExitInterview, Long> {
    List<ExitInterview> findByProviderIdOrderByInterviewedOnDesc(Long providerId);

    long countByProviderId(Long providerId);
}
