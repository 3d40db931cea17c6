/**
 * Upgrade tasks of the app's Active Objects data model. There are none yet: the model's first version
 * is whatever {@code migrate} creates from the entities in {@link com.sqltables.confluence.ao.AoSchema}.
 *
 * <p>How the host runs them: when the plugin starts, Confluence's Active Objects plugin runs, in
 * ascending order, every {@code com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask} listed
 * in the {@code <ao>} module whose {@code getModelVersion()} is newer than the model version stored for
 * the namespace, then stores the highest version and migrates to the current entities.
 *
 * <p>What needs an upgrade task, and what does not:
 * <ul>
 *   <li>Adding an entity, or a nullable column, or an index: no task; {@code migrate} does it.</li>
 *   <li>Adding a {@code @NotNull} column to a table with rows: give it {@code @Default}, or add it
 *       nullable, fill it in a task, and make it {@code @NotNull} in a later release.</li>
 *   <li>Renaming or removing a column, changing its type, moving data between tables, deriving
 *       values: a task. {@code migrate} never drops anything, and nothing may call
 *       {@code migrateDestructively}.</li>
 * </ul>
 *
 * <p>How to add one:
 * <ol>
 *   <li>Create package {@code v<N>} here, {@code N} = the next model version (1, 2, …), holding
 *       {@code UpgradeTo<N>} implementing {@code ActiveObjectsUpgradeTask}, whose
 *       {@code getModelVersion()} returns {@code ModelVersion.valueOf("<N>")}.</li>
 *   <li>Inside the task, declare the <em>old</em> shape of any entity it reads as interfaces nested in
 *       the task (with the same {@code @Table} names), call {@code ao.migrate(...)} with exactly the
 *       entities it needs, and move data with {@code ao.find}/{@code save}. Never use the current
 *       entities: they change in later releases, the task must not.</li>
 *   <li>Make it idempotent: a node may die midway and the task run again.</li>
 *   <li>List it as {@code <upgradeTask>} in the {@code <ao>} module of {@code atlassian-plugin.xml},
 *       after the entities.</li>
 *   <li>Test it against the real ORM on every database: create the old schema and rows, run the
 *       task, check the rows.</li>
 * </ol>
 */
package com.sqltables.confluence.ao.upgrade;
