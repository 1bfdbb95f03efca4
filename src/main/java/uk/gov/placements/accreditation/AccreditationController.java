package uk.gov.placements.accreditation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.SystemActions;

@RestController
@RequestMapping("/api/providers/{id}/accreditations")
class AccreditationController {
    private final AccreditationService accreditations;
    private final ProviderService providers;
    private final CurrentUser currentUser;
    private final SystemActions system;

    AccreditationController(AccreditationService accreditations, ProviderService providers, CurrentUser currentUser, SystemActions system) {
        this.accreditations = accreditations;
        this.providers = providers;
        this.currentUser = currentUser;
        this.system = system;
    }

    record AccreditationStarted(String processInstanceId) {
    }

    /** Starts accreditation with Form A (contracts officers and commissioning managers). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccreditationStarted accredit(@PathVariable Long id) {
        currentUser.requireAnyGroup(Roles.CONTRACTS_OFFICERS, Roles.COMMISSIONING_MANAGERS);
        providers.get(id);
        // the role is checked above; the register's processes belong to the consortium, so the application starts them
        return new AccreditationStarted(system.run(() -> accreditations.start(id)).getId());
    }
}
