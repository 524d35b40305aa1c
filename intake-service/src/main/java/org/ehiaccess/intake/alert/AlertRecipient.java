package org.ehiaccess.intake.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A supervisor who gets alert mail, and how: each alert as it comes, or one daily digest. */
@Entity
@Table(name = "alert_recipient")
@IdClass(AlertRecipient.Key.class)
public class AlertRecipient extends PanacheEntityBase {

    public enum Delivery {
        each, daily_digest
    }

    /** Always read with the signed-in clinic's id (the clinic is part of the key). */
    @Id
    @Column(name = "clinic_id")
    public String clinicId;

    @Id
    public String username;

    public String email;

    @Enumerated(EnumType.STRING)
    public Delivery delivery;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    public static class Key implements Serializable {
        public String clinicId;
        public String username;

        public Key() {
        }

        public Key(String clinicId, String username) {
            this.clinicId = clinicId;
            this.username = username;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(clinicId, k.clinicId) && Objects.equals(username, k.username);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clinicId, username);
        }
    }
}
