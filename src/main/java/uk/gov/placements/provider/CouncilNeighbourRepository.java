package uk.gov.placements.provider;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CouncilNeighbourRepository extends JpaRepository<CouncilNeighbour, CouncilNeighbour.Key> {
    boolean existsByCouncilAndNeighbour(String council, String neighbour);
}
