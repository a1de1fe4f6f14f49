/**
 * Text from the data made safe for a terminal, a file or a message: its own module, so that the
 * CLI's entry point can clean error messages without loading the renderers.
 */

// Well-formed ANSI sequences are removed whole: CSI (ESC [, parameters, intermediates, a final
// byte) and OSC (ESC ], text without controls, ended by BEL or ESC \). Anything else that starts
// with ESC loses only the ESC, which the CONTROLS pass turns into a space like any other control:
// removing ESC is what makes the text inert, and the characters after it (a closing quote in a
// rejects file's record) must survive. So a two-character escape such as ESC c (reset) is left as
// the inert text " c", and an unterminated OSC as " ]0;title": acceptable, nothing acts on them.
// Then any other C0/C1 control, bidirectional control or line separator becomes a space.
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0000-\u001f\u007f-\u009f]*(?:\u0007|\u001b\\)/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const CONTROLS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
// Invisible characters of no width (zero-width space, word joiner and invisible operators, BOM):
// a terminal shows nothing, but cli-table3 counts a column for each and the table goes askew, and
// they hide differences between names that look the same. ZWNJ and ZWJ stay: scripts and emoji need them.
const INVISIBLE = /[\u200b\u2060-\u2064\ufeff]/g;
/** Any character but printable ASCII (space to ~): what every pattern above matches lies outside. */
const NOT_PRINTABLE_ASCII = /[^\u0020-\u007e]/;

/**
 * Text from the data, made safe to print: no escape sequences, controls, direction overrides or
 * invisible characters. `keepLineBreaks` keeps \n, \r and \t (a raw record in a rejects file).
 */
export function cleanText(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  // Printable ASCII holds none of them: most text passes with one test instead of three replaces.
  if (!NOT_PRINTABLE_ASCII.test(text)) return text;
  return text
    .replace(ESCAPE_SEQUENCES, '')
    .replace(options.keepLineBreaks === true ? CONTROLS_BUT_LINE_BREAKS : CONTROLS, ' ')
    .replace(INVISIBLE, '');
}
