package uk.gov.placements.provider;

import java.util.List;
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

    record LocalAuthorityRow(String code, String name) {
    }

    record LocalAuthorityWithNeighbours(String code, String name, List<LocalAuthorityRow> neighbours) {
    }

    @GetMapping
    List<LocalAuthorityRow> all() {
        return localAuthorities.findAllByOrderByNameAsc().stream().map(LocalAuthorityController::row).toList();
    }

    @GetMapping("/{code}")
    LocalAuthorityWithNeighbours one(@PathVariable String code) {
        LocalAuthority la = NotFoundException.findOrThrow(localAuthorities, "Local authority", code);
        return new LocalAuthorityWithNeighbours(la.getCode(), la.getName(),
                localAuthorities.neighboursOf(code).stream().map(LocalAuthorityController::row).toList());
    }

    private static LocalAuthorityRow row(LocalAuthority la) {
        return new LocalAuthorityRow(la.getCode(), la.getName());
    }
}
