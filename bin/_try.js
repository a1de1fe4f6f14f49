import v8 from 'node:v8';
v8.setFlagsFromString(process.env.TRYFLAG);
const { main } = await import('../dist/bundle/main.js');
process.exitCode = await main(process.argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, color: false, stdinFd: 0, env: process.env });
