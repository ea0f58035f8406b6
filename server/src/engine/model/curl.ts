// How curl reads its arguments (its options that take a value are in data/downloaders.ts, so that `-o file` or
// `-H "-x"` are read right), and what a command line asks for: failing on HTTP errors, where the body goes.
import { parseArgs, type ParsedArgs } from './commands';
import type { ShellCommand } from './shell';
import { CURL_VALUE_FLAGS } from '../data/downloaders';

/** The command's options as curl reads them. */
export function curlArgs(cmd: ShellCommand): ParsedArgs {
  return parseArgs(cmd, CURL_VALUE_FLAGS);
}

/**
 * Whether curl fails on an HTTP error (`-f`, `--fail`, `--fail-with-body`; the last of these and `--no-fail`
 * wins), rather than saving the error page and exiting 0.
 */
export function curlFailsOnHttpError(args: ParsedArgs): boolean {
  let fail = false;
  for (const f of args.flags) {
    if ((!f.long && f.name === 'f') || (f.long && (f.name === 'fail' || f.name === 'fail-with-body'))) fail = true;
    else if (f.long && (f.name === 'no-fail' || f.name === 'no-fail-with-body')) fail = false;
  }
  return fail;
}
