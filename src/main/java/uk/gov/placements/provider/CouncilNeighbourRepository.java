package uk.gov.placements.provider;

import org.springframework.data.jpa.repository.JpaRepository;

interface CouncilNeighbourRepository extends JpaRepository<CouncilNeighbour, CouncilNeighbour.Key> {
    boolean existsByCouncilAndNeighbour(String council, String neighbour);
}
