package org.ehiaccess.intake.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One supervisor has read one alert: the inbox's unread count is per person. */
@Entity
@Table(name = "alert_read")
@IdClass(AlertRead.Key.class)
public class AlertRead extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public UUID alertId;

    @Id
    public String username;

    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "read_at")
    public Instant readAt;

    public static class Key implements Serializable {
        public UUID alertId;
        public String username;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(alertId, k.alertId) && Objects.equals(username, k.username);
        }

        @Override
        public int hashCode() {
            return Objects.hash(alertId, username);
        }
    }
}
