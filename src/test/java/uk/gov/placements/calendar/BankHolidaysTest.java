package uk.gov.placements.calendar;

import uk.gov.placements.calendar.BankHolidays;
import uk.gov.placements.calendar.WorkingDays;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.gov.placements.IntegrationTest;

/** Bank holidays are kept by administrators from the government's published list, and the product says when they run out. */
@IntegrationTest
class BankHolidaysTest {
    @Autowired TestRestTemplate http;
    @Autowired WorkingDays workingDays;
    @Autowired BankHolidays bankHolidays;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldImportThePublishedListOnceAndCountItsDaysAsClosed() throws Exception {
        Map<String, Object> published = Map.of("england-and-wales", Map.of("division", "england-and-wales", "events", List.of(
                Map.of("title", "New Year’s Day", "date", "2029-01-01", "notes", "", "bunting", true),
                Map.of("title", "Good Friday", "date", "2029-03-30", "notes", "", "bunting", false),
                Map.of("title", "Not a day", "date", "2029-02-30"))));
        assertThat(call("sw1", published).getStatusCode().value()).as("administrators only").isEqualTo(403);
        JsonNode first = json.readTree(call("admin", published).getBody());
        assertThat(first.get("created").asInt() + first.get("unchanged").asInt()).isEqualTo(2);
        assertThat(first.get("rejected")).hasSize(1);
        JsonNode again = json.readTree(call("admin", published).getBody());
        assertThat(again.get("created").asInt()).as("running it twice changes nothing").isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        // Friday 29 December 2028, one working day on: Monday 1 January 2029 is closed
        assertThat(workingDays.plus(LocalDate.of(2028, 12, 29), 1)).isEqualTo(LocalDate.of(2029, 1, 2));
        assertThat(bankHolidays.coveredUntil()).hasValueSatisfying(d -> assertThat(d).isAfterOrEqualTo(LocalDate.of(2029, 3, 30)));
        // the warning: a year's cover is needed from the day it is read
        assertThat(bankHolidays.runningOut(LocalDate.of(2028, 6, 1))).isTrue();
        assertThat(bankHolidays.runningOut(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(bankHolidays.health().getDetails()).containsKey("coveredUntil");
    }

    ResponseEntity<String> call(String user, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return http.exchange("/api/bank-holidays/import", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
