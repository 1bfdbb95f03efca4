package uk.gov.placements.common;

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

    /** The postcode as written in full, and its district's centre. */
    record PostcodeDistrict(String postcode, String district, double latitude, double longitude) {
    }

    @GetMapping("/{postcode}")
    PostcodeDistrict find(@PathVariable String postcode) {
        Postcodes.Normalised n = Postcodes.normalise(postcode).orElseThrow(() -> InvalidInputException.of("postcode", Postcodes.MALFORMED));
        Postcodes.Centroid c = postcodes.centroid(n.district()).orElseThrow(() -> new NotFoundException("Postcode district", n.district()));
        return new PostcodeDistrict(n.postcode(), c.district(), c.latitude(), c.longitude());
    }
}
