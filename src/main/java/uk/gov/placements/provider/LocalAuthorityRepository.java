package uk.gov.placements.provider;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LocalAuthorityRepository extends JpaRepository<LocalAuthority, String> {
    List<LocalAuthority> findAllByOrderByNameAsc();

    @Query("select la from LocalAuthority la where la.code in (select n.neighbour from CouncilNeighbour n where n.council = ?1) order by la.name")
    List<LocalAuthority> neighboursOf(String code);
}
