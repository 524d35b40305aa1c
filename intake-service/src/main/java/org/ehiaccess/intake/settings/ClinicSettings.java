package org.ehiaccess.intake.settings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.ehiaccess.platform.time.BusinessCalendar;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A clinic's time zone, closure days and response policy. One row per clinic, keyed by the clinic id;
 * always read with the signed-in clinic's id ({@link org.ehiaccess.intake.settings.ClinicSettingsService}).
 */
@Entity
@Table(name = "clinic_settings")
public class ClinicSettings extends PanacheEntityBase {

    public static final String DEFAULT_TIME_ZONE = "America/New_York";

    @Id
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "time_zone")
    public String timeZone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public LocalDate[] closures;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "response_policy")
    public ResponsePolicy responsePolicy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public int version;

    /** The settings a clinic has before its administrator changes anything (not saved). */
    public static ClinicSettings defaults() {
        ClinicSettings settings = new ClinicSettings();
        settings.timeZone = DEFAULT_TIME_ZONE;
        settings.closures = new LocalDate[0];
        settings.responsePolicy = ResponsePolicy.standard();
        return settings;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public BusinessCalendar calendar() {
        return BusinessCalendar.withClosures(Set.of(closures));
    }
}
