package uk.gov.placements.provider;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProviderRepository extends JpaRepository<Provider, Long> {
    /** The provider, its row locked until the transaction ends: for work that must not run twice at once for one provider. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Provider p where p.id = :id")
    Optional<Provider> lockById(@Param("id") Long id);

    /** The provider a line of Ofsted's list belongs to, by the owner's name (Ofsted publishes no provider number). */
    List<Provider> findByKindOrderByNameAsc(ProviderKind kind);

    Optional<Provider> findFirstByKindAndNameIgnoreCaseOrderByIdAsc(ProviderKind kind, String name);
}
