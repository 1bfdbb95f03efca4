package uk.gov.placements.common;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a postcode is: the centroid of its district (V25's {@code postcode_district}). People give postcodes; the
 * product measures distances from the coordinates, which nobody has to read or type.
 */
@Component
public class Postcodes {
    /** A full postcode (outward and inward code) or a district alone, once upper-cased and without spaces. */
    private static final Pattern POSTCODE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?$");
    public static final String UNKNOWN_DISTRICT = "is in a postcode district we do not know: check the postcode";
    public static final String MALFORMED = "must be a UK postcode such as LS1 4AP, or its district such as LS1";

    private final JdbcTemplate jdbc;
    private volatile Map<String, Centroid> districts;

    public Postcodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A district's centre. */
    public record Centroid(String district, double latitude, double longitude) {
    }

    /** A postcode or district as written ("ls1 4ap", "LS14AP", "ls1"): the postcode in capitals with one space, and its district. */
    public record Normalised(String postcode, String district) {
    }

    /** Empty when the text is not a UK postcode or district. */
    public static Optional<Normalised> normalise(String text) {
        if (text == null || text.length() > 20) {
            return Optional.empty();
        }
        Matcher m = POSTCODE.matcher(text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        String district = m.group(1);
        return Optional.of(new Normalised(m.group(2) == null ? district : district + " " + m.group(2), district));
    }

    /** The district's "LS1" of "ls1 4ap"; empty when the text is not a postcode or district. */
    public static Optional<String> district(String text) {
        return normalise(text).map(Normalised::district);
    }

    /** The centre of the postcode's district; empty when the text is not a postcode or the district is not one we know. */
    public Optional<Centroid> centroid(String postcodeOrDistrict) {
        return district(postcodeOrDistrict).map(d -> table().get(d));
    }

    /**
     * Where a record given only a postcode stands: its district's centre. A postcode that is not one is left to the
     * caller's own check (empty, nothing rejected); a well-formed one in a district we do not know is rejected, naming
     * the field.
     */
    public Optional<Centroid> locate(FieldErrors errors, String field, String postcode) {
        if (district(postcode).isEmpty()) {
            return Optional.empty();
        }
        Optional<Centroid> found = centroid(postcode);
        if (found.isEmpty()) {
            errors.reject(field, UNKNOWN_DISTRICT);
        }
        return found;
    }

    /** About 2,900 rows, read once: reference data a migration ships and nothing writes. */
    private Map<String, Centroid> table() {
        Map<String, Centroid> t = districts;
        if (t == null) {
            Map<String, Centroid> read = new HashMap<>();
            jdbc.query("select district, latitude, longitude from postcode_district", rs -> {
                read.put(rs.getString(1), new Centroid(rs.getString(1), rs.getDouble(2), rs.getDouble(3)));
            });
            t = Map.copyOf(read);
            districts = t;
        }
        return t;
    }
}
