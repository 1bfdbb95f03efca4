package uk.gov.placements.referral;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.placement.PlacementStatus;
import uk.gov.placements.provider.ProviderService;

/**
 * The referral start form's choices of a child and of the placement the child is moving from: the signed-in social
 * worker's allocated children, by name and age, and their current placements, by child, home and start date. The
 * start form has no task to hold them, so they are drawn from the product's tables for each person who opens the form
 * ({@link ReferralStartFormResponse}) and never become Camunda variables.
 */
@Component
public class ReferralStartChoices {
    /** The form's {@code valuesKey} of the child's select. */
    public static final String CHILD_CHOICES = "childChoices";
    /** The form's {@code valuesKey} of the current placement's select. */
    public static final String PLACEMENT_CHOICES = "placementChoices";

    private final ChildService children;
    private final PlacementService placements;
    private final ProviderService services;
    private final Clock clock;

    public ReferralStartChoices(ChildService children, PlacementService placements, ProviderService services, Clock clock) {
        this.children = children;
        this.placements = placements;
        this.services = services;
        this.clock = clock;
    }

    /** Each select's options ({@code label}, {@code value}: the record's id), by valuesKey. */
    @Transactional(readOnly = true)
    public Map<String, List<Map<String, Object>>> of(String userId, Collection<String> councils) {
        List<Map<String, Object>> childOptions = new ArrayList<>();
        List<Map<String, Object>> placementOptions = new ArrayList<>();
        if (userId != null && !councils.isEmpty()) {
            for (Child c : children.allocatedTo(userId, councils)) {
                String name = c.getFirstName() + " " + c.getLastName();
                childOptions.add(option(name + ", " + c.ageOn(UkTime.today(clock)) + " (born " + UkFormat.date(c.getDateOfBirth()) + ")", c.getId()));
                for (Placement p : placements.placementsOf(c.getId(), PlacementStatus.ACTIVE)) {
                    String home = p.getServiceId() == null ? null : services.findHome(p.getServiceId()).map(s -> s.getName()).orElse(null);
                    placementOptions.add(option(name + (home == null ? "" : " at " + home) + ", since " + UkFormat.date(p.getStartDate()), p.getId()));
                }
            }
        }
        Map<String, List<Map<String, Object>>> choices = new LinkedHashMap<>();
        choices.put(CHILD_CHOICES, childOptions);
        choices.put(PLACEMENT_CHOICES, placementOptions);
        return choices;
    }

    private static Map<String, Object> option(String label, Long id) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("label", label);
        // text, as form-js compares a select's value with its options' and the Tasklist submits it as given
        o.put("value", String.valueOf(id));
        return o;
    }
}
