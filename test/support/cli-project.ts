// The command run in a project folder made by a test: its JSON findings as `rule line:column message`, and files
// written below the folder.
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../server/src/cli/run';

/** Runs `dockwise -f json ARGS` in `cwd`: the exit code, stderr and each finding of every file linted. */
export async function lintInFolder(cwd: string, args: string[]): Promise<{ code: number; findings: string[]; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['-f', 'json', ...args], { cwd, stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, readStdin: () => Buffer.from(''), isTTY: false, env: {} }, '9.9.9');
  const report = JSON.parse(stdout) as { files: Array<{ findings: Array<{ rule: string; line: number; column: number; message: string }> }> };
  return { code, stderr, findings: report.files.flatMap((f) => f.findings.map((x) => `${x.rule} ${x.line}:${x.column} ${x.message}`)) };
}

/** Writes `text` at `rel` below `root`, making its folders. */
export function writeIn(root: string, rel: string, text: string): void {
  const p = path.join(root, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
}
