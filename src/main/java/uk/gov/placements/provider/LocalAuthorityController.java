package uk.gov.placements.provider;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.common.NotFoundException;

/** The local authorities a home's {@code localAuthority} is written in, and each one's neighbours: public reference data. */
@RestController
@RequestMapping("/api/local-authorities")
class LocalAuthorityController {
    private final LocalAuthorityRepository localAuthorities;

    LocalAuthorityController(LocalAuthorityRepository localAuthorities) {
        this.localAuthorities = localAuthorities;
    }

    @GetMapping
    List<Map<String, String>> all() {
        return localAuthorities.findAllByOrderByNameAsc().stream().map(LocalAuthorityController::row).toList();
    }

    @GetMapping("/{code}")
    Map<String, Object> one(@PathVariable String code) {
        LocalAuthority la = NotFoundException.findOrThrow(localAuthorities, "Local authority", code);
        return Map.of("code", la.getCode(), "name", la.getName(),
                "neighbours", localAuthorities.neighboursOf(code).stream().map(LocalAuthorityController::row).toList());
    }

    private static Map<String, String> row(LocalAuthority la) {
        return Map.of("code", la.getCode(), "name", la.getName());
    }
}
