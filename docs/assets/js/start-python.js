// Starts the calculators' Python as early as a page allows. hooks/site.py imports this module
// from a one-line script at the top of the <head> of pages with a calculator, and preloads what it
// imports. Importing PyScript's core statically (not with import(), as calculators.js does for a
// calculator reached later by instant navigation) lets the browser evaluate the core, the glue
// and this file in one go, as soon as they have arrived and the main thread is free, without
// waiting for the rest of the page (docs/decisions/002-performance.md). calculators.js is the
// same module as the one at the end of the body, so it runs once; it reports a failure on the page's
// calculators when it shows them.
// The glue first: it writes the <py-config> that PyScript's core reads when it is evaluated
// (calculators.js, PYSCRIPT_PLUGINS_LEFT_OUT), and modules are evaluated in the order imported.
import { startWorker } from "./calculators.js";
import { PyWorker } from "../pyscript/core.js";

startWorker(PyWorker).catch(() => {});
