package uk.gov.placements.common;

import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BankHolidayRepository extends JpaRepository<BankHoliday, LocalDate> {
}
