package uk.gov.placements.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import uk.gov.placements.common.UkFormat;

/**
 * The Camunda Forms in {@code forms/} as a person reads them: every choice in plain English, the codes a person reads
 * labelled as {@link UkFormat} labels them, and the rules a form can check itself checked there, not only by the
 * task listener after the person has pressed Complete.
 */
class FormLabelsTest {
    static final Path FORMS = Path.of("forms");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> CHOICES = Set.of("radio", "select", "checklist", "taglist");

    record Field(String form, JsonNode component) {
        String key() {
            return component.path("key").asText();
        }
    }

    static List<Field> fields() throws IOException {
        File[] files = FORMS.toFile().listFiles((d, n) -> n.endsWith(".form"));
        assertThat(files).as("forms in " + FORMS.toAbsolutePath()).isNotEmpty();
        List<Field> all = new ArrayList<>();
        for (File f : files) {
            walk(JSON.readTree(f).path("components"), c -> all.add(new Field(f.getName(), c)));
        }
        return all;
    }

    static void walk(JsonNode components, Consumer<JsonNode> each) {
        for (JsonNode c : components) {
            each.accept(c);
            walk(c.path("components"), each);
        }
    }

    static Field field(String form, String key) throws IOException {
        return fields().stream().filter(f -> f.form().equals(form) && f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void everyChoiceInEveryFormIsPlainEnglishNotACode() throws IOException {
        List<String> codes = new ArrayList<>();
        int choices = 0;
        for (Field f : fields()) {
            if (!CHOICES.contains(f.component().path("type").asText())) {
                continue;
            }
            for (JsonNode v : f.component().path("values")) {
                choices++;
                String label = v.path("label").asText();
                String value = v.path("value").asText();
                if (label.isBlank() || label.contains("_") || label.matches("[A-Z][A-Z0-9]+(:.*)?")
                        || (label.equals(value) && !value.matches("\\d+"))) {
                    codes.add(f.form() + " " + f.key() + ": '" + label + "' for " + value);
                }
            }
        }
        assertThat(choices).isGreaterThan(50);
        assertThat(codes).as("choices labelled with a code").isEmpty();
    }

    @Test
    void everyCodeAPersonReadsInATaskFormIsLabelledAsEverywhereElse() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Field f : fields()) {
            if (!CHOICES.contains(f.component().path("type").asText())) {
                continue;
            }
            List<JsonNode> values = StreamSupport.stream(f.component().path("values").spliterator(), false).toList();
            Set<String> codes = values.stream().map(v -> v.path("value").asText()).collect(Collectors.toSet());
            if (codes.isEmpty()) {
                continue;
            }
            // the enum a field's choices come from is the one that holds every one of its values
            Class<? extends Enum<?>> type = UkFormat.LABELLED.stream()
                    .filter(t -> Arrays.stream(t.getEnumConstants()).map(Enum::name).collect(Collectors.toSet()).containsAll(codes))
                    .findFirst().orElse(null);
            boolean declineReasons = UkFormat.DECLINE_REASONS.keySet().containsAll(codes);
            if (type == null && !declineReasons) {
                continue;
            }
            for (JsonNode v : values) {
                String code = v.path("value").asText();
                String expected = type != null ? UkFormat.label(Arrays.stream(type.getEnumConstants())
                        .filter(e -> e.name().equals(code)).findFirst().orElseThrow()) : UkFormat.declineReason(code);
                checked++;
                if (!v.path("label").asText().startsWith(expected)) {
                    wrong.add(f.form() + " " + f.key() + ": '" + v.path("label").asText() + "' where UkFormat says '" + expected + "'");
                }
            }
        }
        assertThat(checked).as("enum choices checked (placement types, needs, Ofsted ratings, decline reasons, ratings)").isGreaterThan(25);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aReasonForAChoiceOtherThanTheTopOptionIsAskedAndRequiredInTheForm() throws IOException {
        JsonNode reason = field("selectPlacement.form", "selectionReason").component();
        assertThat(reason.path("validate").path("required").asBoolean()).isTrue();
        assertThat(reason.path("conditional").path("hide").asText()).contains("topOptionId").contains("selectedOptionId");
        JsonNode choice = field("selectPlacement.form", "selectedOptionId").component();
        assertThat(choice.path("validate").path("required").asBoolean()).isTrue();
        assertThat(choice.path("valuesKey").asText()).isEqualTo("optionChoices");
        assertThat(choice.path("conditional").path("hide").asText()).contains("searchAgain");
    }

    @Test
    void eachReasonAListenerDemandsForOneAnswerIsRequiredInTheFormWhenThatAnswerIsGiven() throws IOException {
        String[][] rules = {
                {"triageReferral.form", "triageNotes", "MORE_INFORMATION"},
                {"reviewMonitoring.form", "ratingReason", "AMBER"},
                {"reviewMonitoring.form", "actionPlanDeadline", "AMBER"},
                {"decideUnresolvedActionPlan.form", "newDeadline", "EXTEND"},
                {"confirmAccreditation.form", "confirmationReason", "accreditationConfirmed"},
                {"reviewFormA.form", "reviewNotes", "formAComplete"},
                {"reviewInHouseOptions.form", "suitabilityNotes", "unsuitableOptionIds"},
                {"reviewInHouseOptions.form", "restrictionReason", "restrictToInHouse"},
                {"respondToReferral.form", "weeklyFee", "OFFER"},
                {"respondToReferral.form", "startDate", "OFFER"},
                {"respondToReferral.form", "namedCarerOrHome", "OFFER"},
                {"respondToReferral.form", "howNeedsMet", "OFFER"},
                {"respondToReferral.form", "declineReason", "DECLINE"},
                {"holdReview.form", "concerns", "CONCERNS"}};
        for (String[] rule : rules) {
            JsonNode c = field(rule[0], rule[1]).component();
            assertThat(c.path("validate").path("required").asBoolean()).as(rule[0] + " " + rule[1] + " required").isTrue();
            assertThat(c.path("conditional").path("hide").asText()).as(rule[0] + " " + rule[1] + " shown only when it applies")
                    .startsWith("=").contains(rule[2]);
        }
        // always asked, so required outright
        for (String[] always : new String[][] {{"approvePlacement.form", "approvalReason"}, {"approveProcurementWaiver.form", "waiverReason"},
                {"writePlacementPlan.form", "placementPlanSummary"}, {"approvePlacement.form", "approvalDecision"},
                {"decideUnresolvedActionPlan.form", "actionPlanDecision"}, {"decideUnresolvedActionPlan.form", "decisionReason"},
                {"setConditionsDeadline.form", "actionPlanDeadline"}}) {
            assertThat(field(always[0], always[1]).component().path("validate").path("required").asBoolean()).as(String.join(" ", always)).isTrue();
        }
    }

    @Test
    void optionTablesFitAScreenAndShowNoInternalId() throws IOException {
        List<Field> tables = fields().stream().filter(f -> f.component().path("type").asText().equals("table")).toList();
        assertThat(tables).extracting(Field::form).contains("selectPlacement.form", "approvePlacement.form", "approveProcurementWaiver.form");
        for (Field t : tables) {
            List<String> keys = StreamSupport.stream(t.component().path("columns").spliterator(), false).map(c -> c.path("key").asText()).toList();
            assertThat(keys).as(t.form()).doesNotContain("id", "needsMet", "why").hasSizeLessThanOrEqualTo(6);
            if (!t.form().equals("reviewInHouseOptions.form")) {
                assertThat(keys).as(t.form()).contains("rank", "home", "weeklyFee", "ofsted", "monitoring");
            }
        }
    }
}
