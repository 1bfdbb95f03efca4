package uk.gov.placements.provider;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Councils that border each other: a placement in a neighbouring council is out of area but not "at a distance". */
@Entity
@Table(name = "council_neighbour")
@IdClass(CouncilNeighbour.Key.class)
public class CouncilNeighbour {
    @Id
    private String council;
    @Id
    private String neighbour;

    protected CouncilNeighbour() {
    }

    public CouncilNeighbour(String council, String neighbour) {
        this.council = council;
        this.neighbour = neighbour;
    }

    public String getCouncil() { return council; }
    public String getNeighbour() { return neighbour; }

    public static class Key implements Serializable {
        private String council;
        private String neighbour;

        public Key() {
        }

        public Key(String council, String neighbour) {
            this.council = council;
            this.neighbour = neighbour;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(council, k.council) && Objects.equals(neighbour, k.neighbour);
        }

        @Override
        public int hashCode() {
            return Objects.hash(council, neighbour);
        }
    }
}
