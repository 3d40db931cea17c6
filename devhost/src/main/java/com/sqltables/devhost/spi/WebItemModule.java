package com.sqltables.devhost.spi;

/**
 * A {@code web-item} module: key, section (e.g. {@code system.admin/sql-tables} or {@code system.help/pages}),
 * label (i18n resolved), link relative to the context path (e.g. {@code /plugins/servlet/sql-tables/admin}), weight.
 */
public final class WebItemModule {
    private final String key;
    private final String section;
    private final String label;
    private final String link;
    private final int weight;

    public WebItemModule(String key, String section, String label, String link, int weight) {
        this.key = key;
        this.section = section;
        this.label = label;
        this.link = link;
        this.weight = weight;
    }

    public String key() { return key; }
    public String section() { return section; }
    public String label() { return label; }
    public String link() { return link; }
    public int weight() { return weight; }
}
