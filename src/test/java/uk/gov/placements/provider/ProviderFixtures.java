package uk.gov.placements.provider;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.common.OfstedRating;

/**
 * Tests' set-up of the register, written straight to its tables: the register's own forms validate, audit and
 * create sign-in groups, which a test that only needs a provider or home to exist does without.
 */
@Component
public class ProviderFixtures {
    private final ProviderRepository providers;
    private final CareServiceRepository homes;
    private final CouncilNeighbourRepository neighbours;

    ProviderFixtures(ProviderRepository providers, CareServiceRepository homes, CouncilNeighbourRepository neighbours) {
        this.providers = providers;
        this.homes = homes;
        this.neighbours = neighbours;
    }

    public Provider save(Provider provider) {
        return providers.save(provider);
    }

    /** The provider, with the accreditation given (an expiry of none for a status without one). */
    public Provider accredited(Provider provider, AccreditationStatus status, LocalDate expiry) {
        provider.accredit(status, expiry);
        return providers.save(provider);
    }

    /** The provider suspended from the register, with no notice given and nothing told to the modules that act on it. */
    public Provider suspended(Provider provider) {
        provider.suspend(true);
        return providers.save(provider);
    }

    /** The provider taking referrals by e-mail at the address given. */
    public Provider referralEmail(Provider provider, String address) {
        provider.referralEmail(address);
        return providers.save(provider);
    }

    public CareService save(CareService home) {
        return homes.save(home);
    }

    /** The home as Ofsted registers it, under its URN. */
    public CareService registered(CareService home, String urn) {
        return homes.save(home.registeredWithOfsted(urn));
    }

    /** The home as Ofsted registers it: its URN and its rating of the date given. */
    public CareService registered(CareService home, String urn, OfstedRating rating, LocalDate ratedOn) {
        home.registeredWithOfsted(urn).rated(rating, ratedOn);
        return homes.save(home);
    }

    /** Ofsted's new rating of the home, written as the register's import would leave it. */
    @Transactional
    public CareService rated(Long homeId, OfstedRating rating, LocalDate ratedOn) {
        CareService home = homes.findById(homeId).orElseThrow();
        home.rated(rating, ratedOn);
        return home;
    }

    /** The home's vacancies as its provider last gave them, at the moment given. */
    public CareService vacancies(CareService home, int vacancies, Instant at) {
        return homes.save(home.vacancies(vacancies, at));
    }

    public void neighbours(String council, String neighbour) {
        neighbours.save(new CouncilNeighbour(council, neighbour));
    }

    public long providerCount() {
        return providers.count();
    }

    public long homeCount() {
        return homes.count();
    }
}
