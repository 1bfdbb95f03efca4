package uk.gov.placements.child;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
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

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody ChildService.NewChild body) {
        // the child's social worker registers the child, with the referral (the spec's groups)
        currentUser.requireAnyGroup(Roles.SOCIAL_WORKERS);
        String council = currentUser.councilFor(body.council(), "council");
        return Map.of("id", service.register(body, council).getId());
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return currentUser.councils().stream().flatMap(c -> children.findByCouncilOrderByLastNameAsc(c).stream())
                .map(ChildController::view).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable Long id) {
        Child child = children.findById(id).filter(c -> currentUser.canSeeCouncil(c.getCouncil()))
                .orElseThrow(() -> new NotFoundException("Child", id));
        return view(child);
    }

    private static Map<String, Object> view(Child c) {
        return Map.of("id", c.getId(), "firstName", c.getFirstName(), "lastName", c.getLastName(),
                "dateOfBirth", c.getDateOfBirth().toString(), "council", c.getCouncil(), "postcode", c.getPostcode(),
                "legalStatus", c.getLegalStatus().name());
    }
}
