package uk.gov.placements.common;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where a postcode's district is, for any signed-in user: reference data, nobody's record. */
@RestController
@RequestMapping("/api/postcodes")
class PostcodeController {
    private final Postcodes postcodes;

    PostcodeController(Postcodes postcodes) {
        this.postcodes = postcodes;
    }

    @GetMapping("/{postcode}")
    Map<String, Object> find(@PathVariable String postcode) {
        Postcodes.Normalised n = Postcodes.normalise(postcode).orElseThrow(() -> InvalidInputException.of("postcode", Postcodes.MALFORMED));
        Postcodes.Centroid c = postcodes.centroid(n.district()).orElseThrow(() -> new NotFoundException("Postcode district", n.district()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("postcode", n.postcode());
        body.put("district", c.district());
        body.put("latitude", c.latitude());
        body.put("longitude", c.longitude());
        return body;
    }
}
