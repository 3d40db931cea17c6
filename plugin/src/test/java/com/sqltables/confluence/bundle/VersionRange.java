package com.sqltables.confluence.bundle;

/**
 * An OSGi version range as written in {@code Import-Package}: {@code [1.0,2)}, {@code (1,2]}, or a bare
 * version {@code 1.0} meaning "1.0 or later". Versions compare by major, minor and micro; qualifiers
 * are ignored, which is all an import range needs here.
 */
final class VersionRange {

    private final int[] floor;
    private final boolean floorIncluded;
    private final int[] ceiling;
    private final boolean ceilingIncluded;

    private VersionRange(int[] floor, boolean floorIncluded, int[] ceiling, boolean ceilingIncluded) {
        this.floor = floor;
        this.floorIncluded = floorIncluded;
        this.ceiling = ceiling;
        this.ceilingIncluded = ceilingIncluded;
    }

    static VersionRange parse(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty version");
        }
        char first = value.charAt(0);
        if (first != '[' && first != '(') {
            return new VersionRange(version(value), true, null, false);
        }
        char last = value.charAt(value.length() - 1);
        int comma = value.indexOf(',');
        if ((last != ']' && last != ')') || comma < 0) {
            throw new IllegalArgumentException("not a version range: " + text);
        }
        return new VersionRange(version(value.substring(1, comma)), first == '[',
                version(value.substring(comma + 1, value.length() - 1)), last == ']');
    }

    /** True for a range with both ends, the only kind that keeps a future major version out. */
    boolean isBounded() {
        return ceiling != null;
    }

    boolean includes(String version) {
        int[] v = version(version);
        int low = compare(v, floor);
        if (low < 0 || (low == 0 && !floorIncluded)) {
            return false;
        }
        if (ceiling == null) {
            return true;
        }
        int high = compare(v, ceiling);
        return high < 0 || (high == 0 && ceilingIncluded);
    }

    private static int[] version(String text) {
        String[] parts = text.trim().split("\\.");
        int[] v = new int[3];
        for (int i = 0; i < Math.min(3, parts.length); i++) {
            try {
                v[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a version: " + text, e);
            }
        }
        return v;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
