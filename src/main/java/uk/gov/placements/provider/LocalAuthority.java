package uk.gov.placements.provider;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An English local authority with children's services, by its ONS code (reference data, V23). A council's tenant
 * id is its code, so a home's local authority compares with the child's council, and neighbours are looked up, by code.
 */
@Entity
@Table(name = "local_authority")
public class LocalAuthority {
    @Id
    private String code;
    private String name;

    protected LocalAuthority() {
    }

    public LocalAuthority(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
}
