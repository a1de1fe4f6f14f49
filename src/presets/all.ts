/**
 * Every preset module, imported together by presets/index.ts when a file is read (they are always
 * needed together: a header is matched against all of them). One module makes one chunk of the
 * bundle (scripts/bundle.mjs) instead of eight files to load.
 */
export { freshdesk } from './freshdesk.js';
export { helpscout } from './helpscout.js';
export { intercom } from './intercom.js';
export { jira } from './jira.js';
export { servicenow } from './servicenow.js';
export { zendesk } from './zendesk.js';
export { zendeskApi } from './zendesk-api.js';
export { zendeskChat } from './zendesk-chat.js';
