import { processIo } from './cli-io.js';
import { runCli } from './run-cli.js';

const exitCode = await runCli(process.argv.slice(2), processIo(), process);
process.exit(exitCode);
