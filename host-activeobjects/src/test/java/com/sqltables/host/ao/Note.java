package com.sqltables.host.ao;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** A test entity. */
@Preload
@Table("NOTE")
public interface Note extends Entity {
    @NotNull
    @Unique
    String getTitle();

    void setTitle(String title);

    String getBody();

    void setBody(String body);
}
