// Loaded from <head> (async) on the pages with the calculator or a staff tool: starts the rules
// worker before the page's scripts and its content have loaded (page-worker.mjs).
import { startPython } from "./page-worker.mjs";

startPython();
