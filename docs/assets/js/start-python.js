// Starts the calculators' Python as early as a page allows. hooks/site.py puts this module, as an
// async module in the <head>, on pages with a calculator only, and preloads what it imports.
// Importing PyScript's core statically (not with import(), as calculators.js does for pages
// reached later) means the browser evaluates the core, the glue and this file in one go, as
// soon as they have arrived, without waiting for the page, its styles or Material's bundle
// (README, "Performance"). calculators.js is the same module as the one at the end of the body,
// so it runs once; it reports a failure on the page's calculators when it shows them.
import { PyWorker } from "../pyscript/core.js";
import { startWorker } from "./calculators.js";

startWorker(PyWorker).catch(() => {});
