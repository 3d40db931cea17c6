package com.sqltables.confluence.settings.ao;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** One app-wide setting, shared by all cluster nodes. Table {@code AO_40B3A7_APP_SETTING}. */
@Preload
@Table("APP_SETTING")
public interface AppSettingEntity extends Entity {
    String COLUMN_SETTING_KEY = "SETTING_KEY";
    String COLUMN_SETTING_VALUE = "SETTING_VALUE";
    String COLUMN_MODIFIED = "MODIFIED";
    String COLUMN_MODIFIED_BY = "MODIFIED_BY";

    /** @return the setting's key, e.g. {@code report.recipient}; unique */
    @NotNull
    @Unique
    @StringLength(100)
    String getSettingKey();

    void setSettingKey(String settingKey);

    /** @return the value as text, or {@code null} */
    @StringLength(StringLength.UNLIMITED)
    String getSettingValue();

    void setSettingValue(String settingValue);

    /** @return when the setting was last written */
    @NotNull
    Date getModified();

    void setModified(Date modified);

    /** @return the user key of the last writer, or {@code null} for the system */
    String getModifiedBy();

    void setModifiedBy(String modifiedBy);
}
