/**
 * The host side of Atlassian's {@code ActiveObjects} service, on the real Active Objects ORM, for
 * running the plugin's storage code outside Confluence (database tests, the dev host).
 *
 * <pre>{@code
 * try (HostActiveObjects ao = HostActiveObjects.builder()
 *         .namespace("com.sqltables.confluence")
 *         .jdbc("jdbc:postgresql://localhost/confluence", "confluence", password)
 *         .build()) {
 *     ao.migrate(entities);
 *     ao.executeInTransaction(() -> ao.create(MyEntity.class, params));
 * }
 * }</pre>
 *
 * <p>What matches Confluence (AO plugin 5.2.1): table prefix {@code AO_} + last six hex digits of
 * MD5(namespace) ({@link com.sqltables.host.ao.AoTableNames}); the {@code net.java.ao.atlassian} name
 * converters (upper-case names, at most 30 characters); {@code migrate} touching only the namespace's
 * tables; the provider per database (MariaDB on the MySQL provider) and schema ({@code PUBLIC} on H2,
 * {@code public} on PostgreSQL, the current database on MySQL/MariaDB); transactions at READ
 * COMMITTED, nested calls joining the outer one. What is left out: upgrade tasks and the stored model
 * version, asynchronous initialisation, backup/restore.
 */
package com.sqltables.host.ao;
