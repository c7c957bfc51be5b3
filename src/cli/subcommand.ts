import { UsageError } from '../errors/index.js';

/**
 * A command's subcommand and its one ID argument, if it takes one (`keys revoke ID`). No
 * subcommand prints the help and is a usage error; an unknown one names the valid ones; a
 * subcommand given the wrong number of arguments says what it takes. `withId`: the
 * subcommand that takes one ID, and the hint that says where IDs are listed.
 */
export function parseSubcommand<S extends string>(
  command: string,
  positionals: readonly string[],
  subcommands: readonly S[],
  help: string,
  withId?: { sub: S; what: string },
): { sub: S; id: string | undefined } {
  const [sub, ...args] = positionals;
  if (sub === undefined) {
    process.stderr.write(`${help}\n\n`);
    throw new UsageError(`${command} needs a subcommand: ${subcommands.join(', ')}`);
  }
  if (!(subcommands as readonly string[]).includes(sub))
    throw new UsageError(`${command}: unknown subcommand '${sub}'; the subcommands are: ${subcommands.join(', ')}`);
  if (sub === withId?.sub) {
    if (args.length !== 1) throw new UsageError(`${command} ${sub} takes one ${withId.what}`);
  } else if (args.length !== 0) throw new UsageError(`${command} ${sub} takes no arguments (got '${args[0]}')`);
  return { sub: sub as S, id: args[0] };
}
