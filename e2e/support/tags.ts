/**
 * Marks a test whose behaviour depends on the e2e server's database (its SQL, locks, time
 * zones and error mapping). With PostgreSQL, the marked tests run a second time against a
 * server on PGlite (playwright.config.ts); the others drive the browser, the layout, the
 * session or a role's refusal, which the database does not change, and the integration tests
 * run every query on both databases.
 */
export const databaseTag = "@database";
export const dependsOnDatabase = { tag: databaseTag };
