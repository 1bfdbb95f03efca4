package uk.gov.placements.calendar;

import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BankHolidayRepository extends JpaRepository<BankHoliday, LocalDate> {
}
