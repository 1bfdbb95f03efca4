package uk.gov.placements.provider;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;

/**
 * Imports providers from the column layout of Ofsted's published register of children's social
 * care providers (URN, Provider type, Setting name, Local authority, Places, Overall effectiveness,
 * Inspection date). All or nothing: every bad row is reported by number and field, and then
 * nothing is written; a good file creates each provider (not yet accredited) with its home.
 */
@Service
public class OfstedRegisterImport {
    static final Map<String, PlacementType> PROVIDER_TYPES = Map.of(
            "children's home", PlacementType.CHILDRENS_HOME,
            "residential special school", PlacementType.RESIDENTIAL_SCHOOL,
            "secure children's home", PlacementType.SECURE_CHILDRENS_HOME,
            "independent fostering agency", PlacementType.FOSTER,
            "residential family centre", PlacementType.PARENT_AND_CHILD,
            "supported accommodation", PlacementType.SUPPORTED_ACCOMMODATION);
    static final Map<String, OfstedRating> RATINGS = Map.of(
            "outstanding", OfstedRating.OUTSTANDING, "good", OfstedRating.GOOD,
            "requires improvement to be good", OfstedRating.REQUIRES_IMPROVEMENT, "requires improvement", OfstedRating.REQUIRES_IMPROVEMENT,
            "inadequate", OfstedRating.INADEQUATE, "not yet inspected", OfstedRating.NOT_YET_INSPECTED, "", OfstedRating.NOT_YET_INSPECTED);
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd/MM/yyyy"));

    private final ProviderService providers;

    public OfstedRegisterImport(ProviderService providers) {
        this.providers = providers;
    }

    public record Imported(int providers, List<Long> providerIds) {
    }

    private record Row(String urn, PlacementType type, String name, String localAuthority, int places, OfstedRating rating) {
    }

    @Transactional
    public Imported importCsv(String csv) {
        List<Row> rows = new ArrayList<>();
        FieldErrors errors = new FieldErrors();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).build())) {
            for (String column : List.of("URN", "Provider type", "Setting name", "Local authority", "Places", "Overall effectiveness")) {
                if (parser.getHeaderMap().keySet().stream().noneMatch(h -> h.equalsIgnoreCase(column))) {
                    errors.reject("header", "must have the column '" + column + "'");
                }
            }
            errors.throwIfAny();
            for (CSVRecord r : parser) {
                String row = "row " + (r.getRecordNumber() + 1);
                String urn = r.get("URN");
                if (urn.isBlank()) {
                    errors.reject(row + ".URN", "is missing");
                } else if (!urn.matches("^(SC|EY|CF)?[0-9]{6,7}$")) {
                    errors.reject(row + ".URN", "must be an Ofsted URN such as SC123456");
                }
                PlacementType type = PROVIDER_TYPES.get(r.get("Provider type").toLowerCase(Locale.UK));
                if (type == null) {
                    errors.reject(row + ".Provider type", "must be one of " + PROVIDER_TYPES.keySet());
                }
                OfstedRating rating = RATINGS.get(r.get("Overall effectiveness").toLowerCase(Locale.UK));
                if (rating == null) {
                    errors.reject(row + ".Overall effectiveness", "is not an Ofsted rating: '" + r.get("Overall effectiveness") + "'");
                }
                if (r.get("Setting name").isBlank()) {
                    errors.reject(row + ".Setting name", "is missing");
                }
                int places = 0;
                try {
                    places = Integer.parseInt(r.get("Places"));
                    if (places < 1) {
                        errors.reject(row + ".Places", "must be at least 1");
                    }
                } catch (NumberFormatException e) {
                    errors.reject(row + ".Places", "must be a whole number");
                }
                if (r.isMapped("Inspection date") && !r.get("Inspection date").isBlank() && parseDate(r.get("Inspection date")) == null) {
                    errors.reject(row + ".Inspection date", "must be a date such as 2025-03-31 or 31/03/2025");
                }
                rows.add(new Row(urn, type, r.get("Setting name"), r.get("Local authority"), places, rating));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw InvalidInputException.of("csv", "could not be read: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            errors.reject("csv", "has no rows");
        }
        errors.throwIfAny();
        List<Long> ids = new ArrayList<>();
        for (Row row : rows) {
            Provider p = providers.create(new ProviderService.NewProvider(row.name(), "INDEPENDENT", null, null, row.urn(), row.rating().name()));
            ids.add(p.getId());
        }
        return new Imported(ids.size(), ids);
    }

    static LocalDate parseDate(String s) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException ignored) {
                // try the next layout
            }
        }
        return null;
    }
}
