package uk.gov.placements.common;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The plain-English label of every code, for the product's pages: they show these words, never the codes. */
@RestController
class LabelController {
    @GetMapping("/api/labels")
    Map<String, String> labels() {
        return UkFormat.allLabels();
    }
}
