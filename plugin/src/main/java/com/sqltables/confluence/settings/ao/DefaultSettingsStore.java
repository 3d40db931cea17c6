package com.sqltables.confluence.settings.ao;

import static com.sqltables.confluence.settings.ao.AppSettingEntity.COLUMN_SETTING_KEY;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.ao.SqlFailures;
import com.sqltables.confluence.ao.Timestamps;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Named;

/** {@link SettingsStore} on Active Objects. */
@Named
public class DefaultSettingsStore implements SettingsStore {
    static final int MAX_VALUE_LENGTH = 100_000;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final ActiveObjects ao;
    private final Clock clock;

    @Inject
    public DefaultSettingsStore(@ComponentImport ActiveObjects ao) {
        this(ao, Clock.systemUTC());
    }

    DefaultSettingsStore(ActiveObjects ao, Clock clock) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> get(String key) {
        checkKey(key);
        return ao.executeInTransaction(() -> Optional.ofNullable(find(key)).map(AppSettingEntity::getSettingValue));
    }

    @Override
    public Map<String, String> getAll() {
        return ao.executeInTransaction(() -> {
            Map<String, String> all = new TreeMap<>();
            Arrays.stream(ao.find(AppSettingEntity.class)).forEach(e -> all.put(e.getSettingKey(), e.getSettingValue()));
            return Collections.unmodifiableMap(all);
        });
    }

    @Override
    public void put(String key, String value, String actorUserKey) {
        FieldErrors errors = new FieldErrors();
        checkKey(errors, key);
        errors.check(value == null || value.length() <= MAX_VALUE_LENGTH, "value",
                "must be at most " + MAX_VALUE_LENGTH + " characters");
        String actor = errors.optionalLine("actorUserKey", actorUserKey, 255);
        errors.throwIfAny();
        if (value == null) {
            remove(key);
            return;
        }
        try {
            write(key, value, actor);
        } catch (RuntimeException e) {
            // Another node created the setting between our read and insert: it exists now, so update it.
            if (!SqlFailures.isUniqueViolation(e)) {
                throw e;
            }
            write(key, value, actor);
        }
    }

    @Override
    public boolean remove(String key) {
        checkKey(key);
        return ao.executeInTransaction(() -> ao.deleteWithSQL(AppSettingEntity.class, COLUMN_SETTING_KEY + " = ?", key) > 0);
    }

    private void write(String key, String value, String actor) {
        ao.executeInTransaction(() -> {
            AppSettingEntity entity = find(key);
            if (entity == null) {
                Map<String, Object> row = new HashMap<>();
                row.put(COLUMN_SETTING_KEY, key);
                row.put(AppSettingEntity.COLUMN_MODIFIED, Timestamps.toDate(clock.instant()));
                entity = ao.create(AppSettingEntity.class, row);
            }
            entity.setSettingValue(value);
            entity.setModified(Timestamps.toDate(clock.instant()));
            entity.setModifiedBy(actor);
            entity.save();
            return null;
        });
    }

    private AppSettingEntity find(String key) {
        AppSettingEntity[] rows = ao.find(AppSettingEntity.class, COLUMN_SETTING_KEY + " = ?", key);
        return rows.length == 0 ? null : rows[0];
    }

    private static void checkKey(String key) {
        FieldErrors errors = new FieldErrors();
        checkKey(errors, key);
        errors.throwIfAny();
    }

    private static void checkKey(FieldErrors errors, String key) {
        errors.check(key != null && KEY.matcher(key).matches(), "key",
                "must be 1 to 100 lower-case letters, digits or . _ - starting with a letter or digit (was '" + key + "')");
    }
}
