#!/usr/bin/env node
// Plain JavaScript so that an old Node gets a clear message instead of a syntax error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`archive-reader needs Node.js 22.18 or newer (this is ${process.version}).\n`);
  process.exit(1);
}
// A reader that stops early (`| head`) closes the pipe: it has what it wanted, so that is no error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../archive/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
