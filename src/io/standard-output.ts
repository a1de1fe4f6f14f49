import { OutputError } from '../errors.js';
import type { Output } from './output-file.js';
import { systemReason } from './system-error.js';

/**
 * Standard output as an Output. A reader that goes away (`| head`) ends the output quietly; any
 * other failure (`> /dev/full`) is one line and exit 5.
 */
export function standardOutput(stdout: NodeJS.WritableStream): Output {
  let closed = false;
  return {
    async write(text) {
      if (closed || text === '') return;
      await new Promise<void>((done, fail) =>
        stdout.write(text, (error) => {
          if (error === null || error === undefined) return done();
          if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
            closed = true;
            return done();
          }
          fail(new OutputError(`cannot write to standard output: ${systemReason(error)}`));
        }),
      );
    },
    async commit() {},
    async abandon() {},
  };
}
