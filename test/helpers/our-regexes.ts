import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'acorn';
import { simple } from 'acorn-walk';
import { transformSync } from 'esbuild';

const root = join(import.meta.dirname, '..', '..');

export interface FoundRegex {
  /** Source file, relative to the repository. */
  file: string;
  source: string;
  flags: string;
}

/** Every .ts file under src/. */
function sourceFiles(): string[] {
  return (readdirSync(join(root, 'src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(root, 'src', f));
}

/**
 * The regular expressions of src/: literals read from the syntax tree of each file (type
 * annotations stripped by esbuild, parsed by acorn), and the number of `new RegExp(...)` /
 * `RegExp(...)` calls per file, whose patterns are only known once the module runs.
 */
export function scanRegexes(): { literals: FoundRegex[]; constructed: Map<string, number> } {
  const literals: FoundRegex[] = [];
  const constructed = new Map<string, number>();
  for (const path of sourceFiles()) {
    const file = relative(root, path);
    const js = transformSync(readFileSync(path, 'utf8'), { loader: 'ts', format: 'esm' }).code;
    const calls = (node: { callee: { type: string; name?: string } }): void => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'RegExp') constructed.set(file, (constructed.get(file) ?? 0) + 1);
    };
    simple(parse(js, { ecmaVersion: 'latest', sourceType: 'module' }), {
      Literal(node) {
        const regex = (node as { regex?: { pattern: string; flags: string } }).regex;
        if (regex) literals.push({ file, source: regex.pattern, flags: regex.flags });
      },
      NewExpression: calls,
      CallExpression: calls,
    });
  }
  return { literals, constructed };
}

/**
 * The regexes the given modules construct while they load, each with the src/ file that
 * built it: RegExp is swapped for a recording proxy during the imports (literals bypass it).
 */
export async function constructedRegexes(files: readonly string[]): Promise<FoundRegex[]> {
  const found: FoundRegex[] = [];
  const Real = globalThis.RegExp;
  const record = (re: RegExp): RegExp => {
    const caller = new Error().stack?.split('\n').find((line) => files.some((f) => line.includes(f)));
    const file = caller && files.find((f) => caller.includes(f));
    if (file) found.push({ file, source: re.source, flags: re.flags });
    return re;
  };
  globalThis.RegExp = new Proxy(Real, {
    construct: (target, args: [string | RegExp, string?]) => record(Reflect.construct(target, args) as RegExp),
    apply: (target, _this, args: [string | RegExp, string?]) => record(Reflect.apply(target, undefined, args) as RegExp),
  });
  try {
    for (const file of files) await import(join(root, file));
  } finally {
    globalThis.RegExp = Real;
  }
  return found;
}
