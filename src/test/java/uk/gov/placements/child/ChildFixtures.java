package uk.gov.placements.child;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Children written and read as tests set them up and check them, where no service of the module would do it. */
@Component
public class ChildFixtures {
    private final ChildRepository children;

    ChildFixtures(ChildRepository children) {
        this.children = children;
    }

    /** The child as it stands, without the checks of registration. */
    @Transactional
    public Child save(Child child) {
        return children.save(child);
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
