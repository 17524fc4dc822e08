// A schema issue in words, for errors that name what the server sent wrong. The app loads no
// zod locale (a kilobyte no cashier would read: these words reach the sync status and logs,
// never a screen), so an issue's own message is a bare "Invalid input" unless a check gave one.
import type { z } from 'zod/mini';

function what(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_small':
      return `too small (${issue.origin}, at least ${String(issue.minimum)})`;
    case 'too_big':
      return `too big (${issue.origin}, at most ${String(issue.maximum)})`;
    case 'invalid_format':
      return `not a valid ${issue.format}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message === 'Invalid input' ? issue.code.replace(/_/g, ' ') : issue.message;
  }
}

/** `lines.0.unitPrice: expected number`; the path is left out at the top level. */
export function issueText(issue: z.core.$ZodIssue): string {
  return issue.path.length > 0
    ? `${issue.path.map(String).join('.')}: ${what(issue)}`
    : what(issue);
}
