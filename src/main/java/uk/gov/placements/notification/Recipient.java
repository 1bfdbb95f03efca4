package uk.gov.placements.notification;

/**
 * Who a notice is for, in the system's own terms: one named person (an allocated social worker or IRO, told about their
 * own child and nobody else's), a group's members within one council (a council's alert reaches only its staff), or
 * the members of a group that belongs to no council (a provider's own staff).
 */
public sealed interface Recipient {
    record Person(String userId) implements Recipient {
        @Override
        public String toString() {
            return "user " + userId;
        }
    }

    record GroupInCouncil(String group, String council) implements Recipient {
        @Override
        public String toString() {
            return group + " of " + council;
        }
    }

    record Group(String group) implements Recipient {
        @Override
        public String toString() {
            return group;
        }
    }

    static Recipient person(String userId) {
        return new Person(userId);
    }

    static Recipient group(String group, String council) {
        return council == null ? new Group(group) : new GroupInCouncil(group, council);
    }

    static Recipient group(String group) {
        return new Group(group);
    }
}
