import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseFeed } from '../feed/parse.js';
import { UsageError } from './options.js';

export const VALIDATE_HELP = `Usage: trending-recs validate <file-or-url> [--json]

Reads a trending feed with the widget's own parser and prints each problem with the
item's index or id and the reason, then what the widget would show.

Options:
  --json       The problems and the summary as one JSON object
  -h, --help   This help

Exit codes: 0 valid, 1 not valid (or not readable), 2 bad usage.`;

export async function validateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(VALIDATE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give one file or URL');
  const target = positionals[0]!;
  const isUrl = /^https?:\/\//i.test(target);
  let text: string;
  try {
    if (isUrl) {
      const response = await fetch(target, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } else {
      text = await readFile(target, 'utf8');
    }
  } catch (error) {
    console.error(`trending-recs validate: cannot read ${target}: ${(error as Error).message}`);
    return 1;
  }
  const problems: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push(`not JSON: ${(error as Error).message}`);
  }
  // Relative URLs resolve against where the widget fetches the feed: here, the file's own address.
  const feed = json === undefined ? undefined : parseFeed(json, isUrl ? target : pathToFileURL(target).href);
  if (json !== undefined && !feed?.items.length && !feed?.skipped.length) problems.push('no items: the widget would show nothing');
  for (const skipped of feed?.skipped ?? []) problems.push(`item ${skipped.index}${skipped.id ? ` (${skipped.id})` : ''}: ${skipped.reason}`);
  const shown = feed?.items ?? [];
  const count = (key: (item: (typeof shown)[number]) => string) => {
    const tally = new Map<string, number>();
    for (const item of shown) tally.set(key(item), (tally.get(key(item)) ?? 0) + 1);
    return [...tally].map(([name, n]) => `${name} ${n}`).join(', ');
  };
  const summary = shown.length ? `${shown.length} items the widget would show; sites: ${count((item) => item.site)}; kinds: ${count((item) => item.kind)}; sponsored: ${shown.filter((item) => item.sponsored).length}` : 'nothing the widget would show';
  if (values.json) console.log(JSON.stringify({ valid: !problems.length, problems, items: shown.length, summary }, null, 2));
  else {
    for (const problem of problems) console.log(`problem: ${problem}`);
    console.log(`${problems.length ? 'NOT VALID' : 'valid'}: ${summary}`);
  }
  return problems.length ? 1 : 0;
}
