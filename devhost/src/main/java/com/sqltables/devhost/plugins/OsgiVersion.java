package com.sqltables.devhost.plugins;

import java.util.Objects;

/** An OSGi version ({@code major.minor.micro.qualifier}) and version ranges such as {@code [5.0,6)}. */
final class OsgiVersion implements Comparable<OsgiVersion> {
    static final OsgiVersion ZERO = new OsgiVersion(0, 0, 0, "");

    private final int major;
    private final int minor;
    private final int micro;
    private final String qualifier;

    private OsgiVersion(int major, int minor, int micro, String qualifier) {
        this.major = major;
        this.minor = minor;
        this.micro = micro;
        this.qualifier = qualifier;
    }

    /** Parses leniently: Maven-style suffixes such as {@code 5.3.39-SNAPSHOT} become qualifiers. */
    static OsgiVersion parse(String text) {
        String v = text.trim();
        if (v.isEmpty()) {
            return ZERO;
        }
        String[] parts = v.split("[.\\-]", 4);
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            int micro = parts.length > 2 && parts[2].chars().allMatch(Character::isDigit) ? Integer.parseInt(parts[2]) : 0;
            String qualifier = parts.length > 3 ? parts[3] : "";
            return new OsgiVersion(major, minor, micro, qualifier);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an OSGi version: " + text, e);
        }
    }

    @Override
    public int compareTo(OsgiVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Integer.compare(micro, other.micro);
        }
        return c != 0 ? c : qualifier.compareTo(other.qualifier);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OsgiVersion && compareTo((OsgiVersion) o) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, micro, qualifier);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro + (qualifier.isEmpty() ? "" : "." + qualifier);
    }

    /** A version range of an {@code Import-Package} clause; a bare version means "at least". */
    static final class Range {
        private final String text;
        private final OsgiVersion floor;
        private final boolean floorInclusive;
        private final OsgiVersion ceiling;
        private final boolean ceilingInclusive;

        private Range(String text, OsgiVersion floor, boolean floorInclusive, OsgiVersion ceiling, boolean ceilingInclusive) {
            this.text = text;
            this.floor = floor;
            this.floorInclusive = floorInclusive;
            this.ceiling = ceiling;
            this.ceilingInclusive = ceilingInclusive;
        }

        static Range parse(String text) {
            if (text == null || text.trim().isEmpty()) {
                return new Range("0.0.0", ZERO, true, null, false);
            }
            String t = text.trim();
            char first = t.charAt(0);
            if (first == '[' || first == '(') {
                char last = t.charAt(t.length() - 1);
                int comma = t.indexOf(',');
                if ((last != ']' && last != ')') || comma < 0) {
                    throw new IllegalArgumentException("not an OSGi version range: " + text);
                }
                return new Range(t, OsgiVersion.parse(t.substring(1, comma)), first == '[',
                        OsgiVersion.parse(t.substring(comma + 1, t.length() - 1)), last == ']');
            }
            return new Range(t, OsgiVersion.parse(t), true, null, false);
        }

        boolean includes(OsgiVersion version) {
            int low = version.compareTo(floor);
            if (low < 0 || (low == 0 && !floorInclusive)) {
                return false;
            }
            if (ceiling == null) {
                return true;
            }
            int high = version.compareTo(ceiling);
            return high < 0 || (high == 0 && ceilingInclusive);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
