/**
 * The contract between the two halves of the dev host.
 *
 * <p>The <em>web host</em> ({@code com.sqltables.devhost.web} and friends) plays Confluence: HTTP server,
 * users, spaces, pages, REST API, admin area. The <em>plugin system</em> ({@code com.sqltables.devhost.plugins}
 * and {@code com.sqltables.devhost.services}) plays the Atlassian plugin framework: it loads the built plugin
 * jar, creates its components from the Spring Scanner index and implements the host services the plugin
 * imports. Each half only sees the other through the interfaces in this package.
 */
package com.sqltables.devhost.spi;
