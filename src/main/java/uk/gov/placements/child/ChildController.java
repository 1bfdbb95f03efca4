package uk.gov.placements.child;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.common.Created;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.Roles;

@RestController
@RequestMapping("/api/children")
class ChildController {
    private final ChildService service;
    private final ChildRepository children;
    private final CurrentUser currentUser;

    ChildController(ChildService service, ChildRepository children, CurrentUser currentUser) {
        this.service = service;
        this.children = children;
        this.currentUser = currentUser;
    }

    record ChildView(Long id, String firstName, String lastName, String dateOfBirth, String council, String postcode, String gender,
                     String legalStatus, String categoryOfNeed, String ethnicity, String upn, boolean uasc, String uascCeased,
                     String allocatedSocialWorker, String iro) {
    }

    record ChildAllocation(Long id, String allocatedSocialWorker, String iro) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody ChildService.NewChild body) {
        // the child's social worker registers the child, with the referral (the spec's groups)
        currentUser.requireAnyGroup(Roles.SOCIAL_WORKERS);
        String council = currentUser.councilFor(body.council(), "council");
        return new Created(service.register(body, council).getId());
    }

    @GetMapping
    List<ChildView> list() {
        return currentUser.councils().stream().flatMap(c -> children.findByCouncilOrderByLastNameAsc(c).stream())
                .map(ChildController::view).toList();
    }

    /**
     * The team's caseload, for its team managers: each allocated social worker and IRO of the manager's council with
     * the children allocated to them and the tasks they hold, and the children still without a worker.
     */
    @GetMapping("/caseload")
    List<ChildService.CaseloadRow> caseload() {
        currentUser.requireAnyGroup(Roles.TEAM_MANAGERS);
        return service.caseload(currentUser.councils());
    }

    @GetMapping("/{id}")
    ChildView get(@PathVariable Long id) {
        return view(visible(id));
    }

    record Allocation(String socialWorker, String iro) {
    }

    /** The child's team manager allocates the social worker and the IRO; open tasks move with them. */
    @PutMapping("/{id}/allocation")
    ChildAllocation allocate(@PathVariable Long id, @RequestBody Allocation body) {
        Child child = visible(id);
        currentUser.requireAnyGroup(Roles.TEAM_MANAGERS);
        Child allocated = service.allocate(child.getId(), body.socialWorker(), body.iro());
        return new ChildAllocation(allocated.getId(), allocated.getAllocatedSocialWorker(), allocated.getIro());
    }

    /** A change of legal status or category of need from a day on: each 903 episode carries the value of its own day. */
    @PutMapping("/{id}/legal-status")
    ChildView legalStatus(@PathVariable Long id, @RequestBody ChildService.StatusChange body) {
        currentUser.requireAnyGroup(Roles.SOCIAL_WORKERS, Roles.TEAM_MANAGERS);
        Child child = visible(id);
        return view(service.changeStatus(child.getId(), body));
    }

    /** The child's ethnicity, UPN, asylum-seeking status and (for a girl) motherhood, as the 903 reports them. */
    @PutMapping("/{id}/ssda903")
    ChildView ssda903(@PathVariable Long id, @RequestBody ChildService.Ssda903Details body) {
        currentUser.requireAnyGroup(Roles.SOCIAL_WORKERS, Roles.TEAM_MANAGERS);
        Child child = visible(id);
        return view(service.recordSsda903(child.getId(), body));
    }

    /** Another council's child is answered as one that does not exist. */
    private Child visible(Long id) {
        return children.findById(id).filter(c -> currentUser.canSeeCouncil(c.getCouncil()))
                .orElseThrow(() -> new NotFoundException("Child", id));
    }

    private static ChildView view(Child c) {
        return new ChildView(c.getId(), c.getFirstName(), c.getLastName(), c.getDateOfBirth().toString(), c.getCouncil(), c.getPostcode(),
                c.getGender(), c.getLegalStatus().name(), c.getCategoryOfNeed(), c.getEthnicity(), c.getUpn(), c.isUasc(),
                c.getUascCeased() == null ? null : c.getUascCeased().toString(), c.getAllocatedSocialWorker(), c.getIro());
    }
}
