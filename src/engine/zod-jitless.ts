import { z } from "zod";

/*
 * zod compiles object parsers with `new Function` unless told not to, deciding when a schema is
 * built, and probes for eval on the first parse. The engine also runs in the task pane, whose
 * Content-Security-Policy forbids eval (src/taskpane/taskpane.html): the interpreted parsers
 * everywhere, one code path and no blocked-eval report in the pane. Imported first by every
 * module that builds a schema.
 */
z.config({ jitless: true });
