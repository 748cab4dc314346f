import { config, locales } from "zod/mini";

/*
 * zod compiles object parsers with `new Function` unless told not to, deciding when a schema is
 * built, and probes for eval on the first parse. The engine also runs in the task pane, whose
 * Content-Security-Policy forbids eval (src/taskpane/taskpane.html): the interpreted parsers
 * everywhere, one code path and no blocked-eval report in the pane. Imported first by every
 * module that builds a schema.
 *
 * The run-time schemas are zod/mini's (tree-shaken: the add-in's bundle carries only what they
 * use), which sets no locale of its own: English messages, as full zod gives them.
 */
config({ jitless: true, ...locales.en() });
