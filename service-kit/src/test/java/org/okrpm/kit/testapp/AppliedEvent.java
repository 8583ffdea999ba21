package org.okrpm.kit.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The effect of a test consumer: one row each time it applied an event (in the kit's transaction). */
@Entity
@Table(name = "kit_test_applied")
public class AppliedEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 100)
    public String channel;

    @Column(name = "event_id", nullable = false, length = 200)
    public String eventId;

    @Column(length = 200)
    public String name;
}
