// Turns one codeAutomationLog(type, args) call from the workbench into a line.
// Extension-host console calls arrive as console.log's own arguments
// (mocha sends printf-style formats such as '  %d passing (%s)').
import { format } from 'node:util';

// Workbench chatter at every start; hidden so mocha's report stays readable.
const NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^Ignoring fetching additional builtin extensions/,
];

/** @returns {string | undefined} the line to print, or undefined to drop it */
export function formatAutomationLog(type, args) {
  const line = format(...(Array.isArray(args) ? args : [args]));
  if (NOISE.some((re) => re.test(line))) return undefined;
  return line;
}
