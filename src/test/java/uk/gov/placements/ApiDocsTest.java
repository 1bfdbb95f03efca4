package uk.gov.placements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The OpenAPI description names the shape of every answer of the product API: each 2xx JSON body is a component
 * (or a list of one), so a client can read each field from /api-docs. A hand-built map would be described as a bare
 * object with any properties, and fails here.
 */
@IntegrationTest
class ApiDocsTest {
    /** Files, not JSON: their bodies are the file. */
    static final Set<String> FILE_TYPES = Set.of("text/csv", "application/pdf");
    /** The plain-English label of each code: a dictionary by design, its keys the codes and its values strings. */
    static final Set<String> DICTIONARIES = Set.of("GET /api/labels");

    @Autowired TestRestTemplate http;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldDescribeEveryApiAnswerAsANamedSchema() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/api-docs", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode docs = json.readTree(response.getBody());
        List<String> described = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                for (Map.Entry<String, JsonNode> answer : operation.getValue().path("responses").properties()) {
                    if (!answer.getKey().startsWith("2")) {
                        continue;
                    }
                    for (Map.Entry<String, JsonNode> body : answer.getValue().path("content").properties()) {
                        if (FILE_TYPES.contains(body.getKey())) {
                            continue;
                        }
                        JsonNode schema = body.getValue().path("schema");
                        String where = name + " " + answer.getKey() + " " + body.getKey();
                        if (named(schema) || DICTIONARIES.contains(name) && dictionaryOfStrings(schema)) {
                            described.add(where);
                        } else {
                            undescribed.add(where + ": " + schema);
                        }
                    }
                }
            }
        }
        assertThat(undescribed).as("answers without a named schema").isEmpty();
        // the endpoints were found at all: a description without paths would pass the loop above
        assertThat(described).hasSizeGreaterThan(40).contains("GET /api/referrals/{id} 200 */*", "POST /api/children 201 */*");
        JsonNode referral = docs.path("components").path("schemas").path("ReferralView").path("properties");
        assertThat(referral.has("reference") && referral.has("needs")).as("the referral's fields are described").isTrue();
    }

    /** A component by reference, or a list of them. */
    static boolean named(JsonNode schema) {
        if (schema.has("$ref")) {
            return true;
        }
        return "array".equals(schema.path("type").asText()) && schema.path("items").has("$ref");
    }

    static boolean dictionaryOfStrings(JsonNode schema) {
        return "object".equals(schema.path("type").asText()) && "string".equals(schema.path("additionalProperties").path("type").asText());
    }
}
