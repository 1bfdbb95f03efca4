package uk.gov.placements.child;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Children read as tests check them, where no service of the module would do it. */
@Component
public class ChildFixtures {
    private final ChildRepository children;

    ChildFixtures(ChildRepository children) {
        this.children = children;
    }

    @Transactional(readOnly = true)
    public List<Child> all() {
        return children.findAll();
    }

    @Transactional(readOnly = true)
    public long count() {
        return children.count();
    }
}
