/**
 * zod for the code that also runs in the browser, set to interpret its schemas instead of
 * compiling them with `new Function`: the portal's Content-Security-Policy forbids eval, and
 * even zod's caught probe for it is reported as a violation. Imported before any schema is
 * built, since zod decides when a schema is created.
 */
import { z } from "zod";

z.config({ jitless: true });

export { z };
