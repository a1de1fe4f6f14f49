#!/usr/bin/env node
// The bundle of dist/ (scripts/bundle.mjs): one file to load instead of a hundred modules.
import { main } from '../dist/bundle/main.js';

// `| head` closes stdout early: end quietly instead of with an EPIPE stack trace. Any other
// failure (`> /dev/full`) reaches the write that caused it, which says so in one line (exit 5).
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
// A closed stderr (`2>&1 | head -1`) loses the diagnostics, never the exit code.
process.stderr.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
process.exitCode = await main(process.argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, color, stdinFd: 0, env: process.env });
