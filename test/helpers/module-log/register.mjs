// Preloaded (node --import) into a child process by test/helpers/loaded-modules.ts: registers the
// hook below, which appends the URL of every ES module loaded to the file MODULE_LOG names.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
