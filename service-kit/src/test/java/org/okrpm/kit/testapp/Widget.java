package org.okrpm.kit.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The test application's only aggregate. */
@Entity
@Table(name = "kit_test_widget")
public class Widget extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Widget create(String name) {
        Widget widget = new Widget();
        widget.id = UUID.randomUUID();
        widget.name = name;
        widget.createdAt = Instant.now();
        widget.persist();
        return widget;
    }
}
