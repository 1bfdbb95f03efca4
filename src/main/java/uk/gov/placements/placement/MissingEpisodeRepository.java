package uk.gov.placements.placement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MissingEpisodeRepository extends JpaRepository<MissingEpisode, Long> {
    List<MissingEpisode> findByCouncilOrderByChildIdAscStartDateAsc(String council);

    List<MissingEpisode> findByPlacementIdOrderByStartDateAsc(Long placementId);
}
