import type { z } from 'zod';

/** `themes[3].lemmas[0]`: where an issue is, as a user would write it in the file; `root` for the document itself. */
function issuePath(path: ReadonlyArray<PropertyKey>, root = '(root)'): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? root : out;
}

/** zod says "expected string, received undefined" for a missing field; users say "required". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'required';
  return issue.message;
}

/**
 * The one way zod issues become a message: `path: what is wrong`, joined by "; ". `max`
 * bounds how many are listed (a file with a thousand bad rows names the first few and
 * says how many more); `root` names the document when the issue is about all of it.
 */
export function formatIssues(error: z.ZodError, options: { max?: number; root?: string } = {}): string {
  const max = options.max ?? 10;
  const issues = error.issues;
  const lines = issues.slice(0, max).map((i) => `${issuePath(i.path, options.root)}: ${describeIssue(i)}`);
  if (issues.length > max) lines.push(`and ${issues.length - max} more`);
  return lines.join('; ');
}
