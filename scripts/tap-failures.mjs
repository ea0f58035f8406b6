// The failing tests of node's TAP output (node --test --test-reporter=tap), by name: scripts/test.mjs puts
// them on its SUMMARY line.

/**
 * Each failed test as its path of names (`suite › case`). A suite that fails only because a test inside it did
 * is not listed again, nor is a test cancelled because its parent failed.
 */
export function failingTests(tap) {
  const lines = tap.split('\n');
  const path = [];
  const failing = [];
  for (let i = 0; i < lines.length; i++) {
    const subtest = /^( *)# Subtest: (.*)$/.exec(lines[i]);
    if (subtest) {
      const depth = subtest[1].length >> 2;
      path.length = depth;
      path[depth] = subtest[2];
      continue;
    }
    const notOk = /^( *)not ok \d+ - (.*?)(?: # (?:SKIP|TODO)\b.*)?$/.exec(lines[i]);
    if (!notOk) continue;
    // Its YAML block, indented two more spaces, says why it failed.
    const inBlock = `${notOk[1]}  `;
    let why = '';
    for (let j = i + 1; j < lines.length && lines[j].startsWith(inBlock); j++) {
      const m = /^ *failureType: '([^']*)'/.exec(lines[j]);
      if (m) { why = m[1]; break; }
    }
    if (why === 'subtestsFailed' || why === 'cancelledByParent') continue;
    const depth = notOk[1].length >> 2;
    failing.push([...path.slice(0, depth), notOk[2]].map((name) => name.replace(/\\#/g, '#')).join(' › '));
  }
  return failing;
}
