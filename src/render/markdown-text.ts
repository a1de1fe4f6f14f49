import { cleanText } from './clean-text.js';

/**
 * Text from the data in a GFM table cell, shown as it is: no cell breaks, HTML, entities, line
 * breaks, emphasis, code, strikethrough, links or math (`\\`, `|`, `` ` ``, `*`, `_`, `[`, `]`, `~`, `$`
 * backslash-escaped; `&`, `<`, `>` as entities). A zero-width space after `@` and `#` keeps
 * `@alice` and `#123` from mentioning someone or linking an issue on GitHub or GitLab (as Renovate does).
 */
export function escapeCell(text: string): string {
  return cleanText(text)
    .replace(/[\\|`*_[\]~$]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[@#]/g, '$&&#8203;');
}
