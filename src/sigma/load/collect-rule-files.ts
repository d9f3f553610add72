import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Rule test files sit beside rules (`<name>.tests.yml`) and are not rules themselves. */
export function isRuleTestFile(file: string): boolean {
  return /\.tests\.ya?ml$/i.test(file);
}

/** `detections/responses.yml` routes alerts to remediation hooks (docs/responding.md); it is not a rule. */
export function isResponsesFile(file: string): boolean {
  return /^responses\.ya?ml$/i.test(file);
}

function isYaml(file: string): boolean {
  return /\.ya?ml$/i.test(file) && !isRuleTestFile(file) && !isResponsesFile(file);
}

/**
 * Expands files and directories into the YAML rule files they hold, recursively, sorted so
 * that loading is deterministic. A path named explicitly is always included.
 */
export async function collectRuleFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p);
    if (info.isDirectory()) await walk(p, out);
    else out.push(p);
  }
  return out;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && isYaml(entry.name)) out.push(full);
  }
}
