package uk.gov.placements.common;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Form and API payloads shared by tests. */
public final class BadInputs {
    private BadInputs() {
    }

    /**
     * A refusal's body with the id it names put as "ID", so that another council's record and a missing one can be
     * compared word for word; replaced as a whole number, and never the status (a record numbered 40 or 404 must not
     * change {@code "status":404}).
     */
    public static String idAsWord(String body, Object id) {
        return body.replaceAll("(?<![:\\d])" + id + "(?!\\d)", "ID");
    }

    /** What the Tasklist's referral start form submits for a new child. */
    public static Map<String, Object> validStartForm(double lat, double lon) {
        Map<String, Object> form = new HashMap<>();
        form.put("childFirstName", "Robin");
        form.put("childLastName", "Hood");
        form.put("childDateOfBirth", LocalDate.now().minusYears(10).toString());
        form.put("childGender", "MALE");
        form.put("childPostcode", "ts1 2ab");
        form.put("childLatitude", lat);
        form.put("childLongitude", lon);
        form.put("legalStatus", "C2");
        form.put("urgency", "PLANNED");
        form.put("requiredBy", LocalDate.now().plusDays(10).toString());
        form.put("placementType", "FOSTER");
        form.put("plannedWeeks", 26L);
        form.put("maxDistanceMiles", 20L);
        form.put("essentialNeeds", List.of("AUTISM"));
        form.put("completedBy", "Sam Social Worker");
        form.put("knowsChild", true);
        return form;
    }
}
