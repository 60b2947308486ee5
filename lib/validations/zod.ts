/**
 * zod for the schemas the browser runs too (the forms' checks, shared with the server actions
 * that check everything again): zod/mini, the same rules and messages as zod with functions in
 * place of methods. Import it whole (`import * as z from "@/lib/validations/zod"`): only the
 * functions named here are offered, so a form's chunk carries those and the core they need,
 * never all of zod with its every language (full zod was 88 KB gzip in each form's chunk).
 * Code only the server runs keeps the full `zod`; both are built on zod's one core, so a
 * full-zod object may hold these schemas and the action pipeline parses either.
 *
 * Set to interpret schemas instead of compiling them with `new Function`: the portal's
 * Content-Security-Policy forbids eval, and even zod's caught probe for it is reported as a
 * violation. The setting runs before any schema is built (this module is evaluated before the
 * modules that import it), since zod decides when a schema is created.
 */
import { config } from "zod/mini";

config({ jitless: true });

export {
  _default,
  array,
  boolean,
  enum,
  extend,
  gte,
  guid,
  int,
  literal,
  lte,
  maxLength,
  minLength,
  nullable,
  number,
  object,
  optional,
  pipe,
  positive,
  refine,
  regex,
  string,
  superRefine,
  toLowerCase,
  toUpperCase,
  transform,
  trim,
  union,
  uuid,
} from "zod/mini";
export type { core, infer, input, output, ZodMiniType } from "zod/mini";
