#!/usr/bin/env -S node --max-old-space-size=1024 --max-semi-space-size=64
// The heap cap is not about running out: V8 sizes its heap against the limit, and against
// the default (a quarter of the machine's memory) it let a million-row analyze grow to
// ~500 MB of mostly dead objects; with 1 GB it collects sooner and peaks under 300 MB at the
// same speed. Run `node --max-old-space-size=N $(command -v frictionlens)` to raise it.
// The young generation is quadrupled (semi-spaces of 64 MB, from 16): analysing a verbatim
// allocates ~110 KB that dies with it, and at 16 MB so many collections ran that objects
// living for a batch were copied and promoted, about 10% of the run's time; 64 MB rather
// than 32 halves the collections again, for ~4% less CPU on 20,000 comments and ~60 MB
// more peak RSS (issue 14).
import { EXIT_OK, UsageError } from '../errors/index.js';
import { reportError } from './report-error.js';

// natural (loaded by train/eval) calls dotenv, which prints a banner unless told not to.
process.env.DOTENV_CONFIG_QUIET ??= 'true';

type Command = { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> };

/** Every command, in one table: `frictionlens COMMAND --help` shows each one's flags. */
const COMMANDS: Record<string, Command> = {
  analyze: { summary: 'analyse files in this process and print the top friction themes', load: () => import('./commands/analyze.js') },
  train: { summary: 'train a theme or sentiment classifier on labelled rows', load: () => import('./commands/train.js') },
  eval: { summary: 'evaluate a classifier on labelled rows (accuracy, macro-F1, confusions)', load: () => import('./commands/eval.js') },
  themes: {
    summary: 'themes suggest|list|packs: candidate themes from what the taxonomy did not cover; the themes and industry packs in use',
    load: () => import('./commands/themes.js'),
  },
  worker: { summary: 'run pipeline stages of submitted runs from Redis (distributed mode)', load: () => import('./commands/worker.js') },
  submit: { summary: 'queue files as a distributed run; --wait for its top friction themes', load: () => import('./commands/submit.js') },
  status: { summary: 'progress, counts and errors of a submitted run', load: () => import('./commands/status.js') },
  top: { summary: 'top friction themes of a finished run, from MongoDB', load: () => import('./commands/top.js') },
  serve: { summary: 'serve a run over HTTP (--from DIR: what analyze --out wrote)', load: () => import('./commands/serve.js') },
  keys: { summary: 'API keys: create (shown once), list, revoke', load: () => import('./commands/keys.js') },
  subscriptions: { summary: 'digest subscriptions of a team: add (secret shown once), list, remove', load: () => import('./commands/subscriptions.js') },
  digest: { summary: "a subscription's digest: preview (print), send (now)", load: () => import('./commands/digest.js') },
  deliveries: { summary: 'webhook deliveries: list (--failed: dead letters), redrive', load: () => import('./commands/deliveries.js') },
};

const HELP = `frictionlens — ranked, evidenced friction themes from customer feedback

Usage: frictionlens COMMAND [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(13)} ${c.summary}`)
  .join('\n')}

Run 'frictionlens COMMAND --help' for a command's options.
Example: frictionlens analyze data/samples/feedback.jsonl --out out/`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(`${HELP}\n`);
      return EXIT_OK;
    }
    if (name === '--version') {
      process.stdout.write('frictionlens 0.1.0\n');
      return EXIT_OK;
    }
    const command = name === undefined ? undefined : COMMANDS[name];
    if (!command) {
      process.stderr.write(`${HELP}\n\n`);
      throw new UsageError(name === undefined ? 'a COMMAND is needed' : `unknown command '${name}'`);
    }
    return await (await command.load()).run(rest);
  } catch (error) {
    return reportError(error);
  }
}

process.exitCode = await main(process.argv.slice(2));
