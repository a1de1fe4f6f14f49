import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The byte-exact files of test/fixtures/dialects/, built here so that every byte that matters is
 * written down (a BOM, an 0xE9, an invalid byte at a known offset) rather than hidden in a binary
 * file. `writeDialectFixtures()` (re)writes them; the bytes never change from run to run.
 */

export const dialectFixtureDir = fileURLToPath(new URL('../fixtures/dialects/', import.meta.url));

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');
const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

/** The few Windows-1252 characters these fixtures use beyond ASCII. */
const WINDOWS_1252: Record<string, number> = { é: 0xe9, É: 0xc9, ë: 0xeb, ò: 0xf2, '€': 0x80, '’': 0x92 };
function windows1252(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80) return code;
      const byte = WINDOWS_1252[char];
      if (byte === undefined) throw new Error(`no Windows-1252 byte for ${char}`);
      return byte;
    }),
  );
}

/**
 * An Italian Excel's "CSV UTF-8 (delimitato da virgole)": BOM, `;` between fields, CRLF, dates
 * day-first without seconds, decimal commas, a comma inside a field that is not quoted (it need
 * not be, with `;`). Worked out by hand in test/cli/dialects.e2e.test.ts.
 */
export const EXCEL_IT_ROWS = [
  'id;created_at;first_response_at;solved_at;agent;channel;satisfaction;handle_time;tags',
  'T1;02/03/2026 09:00;02/03/2026 09:10;02/03/2026 11:00;Niccolò;email;5;90,5;billing,refund',
  'T2;03/03/2026 14:30;03/03/2026 15:00;;Marco;chat;;120;',
  'T3;13/03/2026 08:00;13/03/2026 08:30;14/03/2026 08:00;Niccolò;email;bad;1.234,5;',
  'T4;10/03/2026 10:00;;;;phone;;;',
];

/** The canonical tickets most fixtures hold, in one encoding or another. */
export const PLAIN_ROWS = ['id,created_at,agent,team', 'A,2026-03-02T09:00:00Z,José,Équipe €', 'B,2026-03-03T09:00:00Z,Zoë,core'];

/** invalid-utf8.csv: a Windows-1252 é (0xE9) in a file read as UTF-8, at byte 72. */
export const INVALID_UTF8 = Buffer.concat([
  Buffer.from('id,created_at,agent\nA,2026-03-02T09:00:00Z,ok\nB,2026-03-03T09:00:00Z,Jos'),
  Buffer.from([0xe9]),
  Buffer.from('\n'),
]);
export const INVALID_UTF8_OFFSET = 72;

/** lone-surrogate.csv: UTF-16 LE with BOM whose agent "x\uD800y" has a high surrogate without its pair, at byte 2 + 2 × 44 = 90. */
export const LONE_SURROGATE_OFFSET = 90;

export const DIALECT_FIXTURES: Record<string, Buffer> = {
  'excel-it.csv': Buffer.concat([UTF8_BOM, Buffer.from(`${EXCEL_IT_ROWS.join('\r\n')}\r\n`)]),
  // Excel's "Unicode text": UTF-16 LE with BOM, tab-delimited, and named .txt.
  'excel-unicode.txt': Buffer.concat([UTF16LE_BOM, utf16le(`${PLAIN_ROWS.map((r) => r.replaceAll(',', '\t')).join('\r\n')}\r\n`)]),
  'utf16be.csv': Buffer.concat([UTF16BE_BOM, utf16be(`${PLAIN_ROWS.join('\n')}\n`)]),
  'windows-1252.csv': windows1252(`${PLAIN_ROWS.join('\r\n')}\r\n`),
  'invalid-utf8.csv': INVALID_UTF8,
  'lone-surrogate.csv': Buffer.concat([UTF16LE_BOM, utf16le('id,created_at,agent\nA,2026-03-02T09:00:00Z,x'), Buffer.from([0x00, 0xd8]), utf16le('y\n')]),
  'tickets.csv': Buffer.from(`${PLAIN_ROWS.join('\n')}\n`),
  'tickets.csv.gz': gzipSync(Buffer.from(`${PLAIN_ROWS.join('\n')}\n`)),
  'tickets.ndjson.gz': gzipSync(
    Buffer.from(
      '{"id":"A","created_at":"2026-03-02T09:00:00Z","agent":"José","team":"Équipe €"}\n{"id":"B","created_at":"2026-03-03T09:00:00Z","agent":"Zoë","team":"core"}\n',
    ),
  ),
  'excel-it.csv.gz': gzipSync(Buffer.concat([UTF8_BOM, Buffer.from(`${EXCEL_IT_ROWS.join('\r\n')}\r\n`)])),
  'truncated.csv.gz': gzipSync(Buffer.from(`${PLAIN_ROWS.join('\n')}\n`)).subarray(0, 30),
  'pipe.csv': Buffer.from(`${PLAIN_ROWS.map((r) => r.replaceAll(',', '|')).join('\n')}\n`),
  // More semicolons inside one quoted header name than commas between the names: comma-delimited.
  'quoted-header.csv': Buffer.from('"Notes; internal; private; do not share; ever",id,created_at,agent\n"a; b",A,2026-03-02T09:00:00Z,alice\n'),
};

/** Writes every fixture (atomically: test files run in parallel) unless it is there already, byte for byte. */
export function writeDialectFixtures(): string {
  mkdirSync(dialectFixtureDir, { recursive: true });
  for (const [name, bytes] of Object.entries(DIALECT_FIXTURES)) {
    const path = join(dialectFixtureDir, name);
    if (existsSync(path) && readFileSync(path).equals(bytes)) continue;
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  }
  return dialectFixtureDir;
}
