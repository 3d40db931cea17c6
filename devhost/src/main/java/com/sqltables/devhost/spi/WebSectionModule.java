package com.sqltables.devhost.spi;

/** A {@code web-section} module: key, location (e.g. {@code system.admin}), label (i18n resolved), weight. */
public final class WebSectionModule {
    private final String key;
    private final String location;
    private final String label;
    private final int weight;

    public WebSectionModule(String key, String location, String label, int weight) {
        this.key = key;
        this.location = location;
        this.label = label;
        this.weight = weight;
    }

    public String key() { return key; }
    public String location() { return location; }
    public String label() { return label; }
    public int weight() { return weight; }
}
