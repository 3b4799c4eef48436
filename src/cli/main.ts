import { buildCommand, BUILD_HELP } from './build-command.js';
import { collectCommand, COLLECT_HELP } from './collect-command.js';
import { statsCommand, STATS_HELP } from './stats-command.js';
import { validateCommand, VALIDATE_HELP } from './validate-command.js';
import { UsageError } from './options.js';

const HELP = `Usage: trending-recs <command> [options]

Commands:
  build     Build the trending feed from the sister sites' feeds and the counts
  validate  Check a trending feed with the widget's own parser
  collect   Take the widget's beacons and keep counts (a small HTTP server)
  stats     Print the counts per item: impressions, clicks, CTR

trending-recs <command> --help tells more. Exit codes: 0 done, 1 failed, 2 bad usage.`;

const commands: Record<string, { run: (args: string[]) => Promise<number>; help: string }> = {
  build: { run: buildCommand, help: BUILD_HELP },
  validate: { run: validateCommand, help: VALIDATE_HELP },
  collect: { run: collectCommand, help: COLLECT_HELP },
  stats: { run: statsCommand, help: STATS_HELP },
};

/** Runs a command line and returns the exit code: 0 done, 1 failed, 2 bad usage. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    console.error(`trending-recs: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    // parseArgs says what is wrong with an option in its own error codes.
    if (error instanceof UsageError || String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`trending-recs ${name}: ${(error as Error).message}\n\n${command.help}`);
      return 2;
    }
    console.error(`trending-recs ${name}: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
