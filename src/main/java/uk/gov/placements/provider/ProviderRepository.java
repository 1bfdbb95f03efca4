package uk.gov.placements.provider;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProviderRepository extends JpaRepository<Provider, Long> {
    /** The provider, its row locked until the transaction ends: for work that must not run twice at once for one provider. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select p from Provider p where p.id = :id")
    java.util.Optional<Provider> lockById(@org.springframework.data.repository.query.Param("id") Long id);

    /** The provider a line of Ofsted's list belongs to, by the owner's name (Ofsted publishes no provider number). */
    java.util.List<Provider> findByKindOrderByNameAsc(ProviderKind kind);

    java.util.Optional<Provider> findFirstByKindAndNameIgnoreCaseOrderByIdAsc(ProviderKind kind, String name);
}
