/**
 * ATT&CK from Sigma tags (sigma-appendix-tags.md, namespace `attack`): `attack.t1078.004` →
 * technique `T1078.004`; `attack.initial-access` → tactic `initial-access`.
 */
export interface Threat {
  readonly technique: { readonly id: string[] };
  readonly tactic: { readonly name: string[] };
  readonly framework: 'MITRE ATT&CK';
}

const TECHNIQUE = /^attack\.(t\d{4}(?:\.\d{3})?)$/i;
const TACTICS = new Set([
  'reconnaissance', 'resource-development', 'initial-access', 'execution', 'persistence', 'privilege-escalation',
  'defense-evasion', 'credential-access', 'discovery', 'lateral-movement', 'collection', 'command-and-control',
  'exfiltration', 'impact',
  // ATT&CK v18 split Defense Evasion into Stealth and Defense Impairment; SigmaHQ's rules use both.
  'stealth', 'defense-impairment',
]);

export function threatOf(tags: readonly string[]): Threat | undefined {
  const techniques: string[] = [];
  const tactics: string[] = [];
  for (const tag of tags) {
    const technique = TECHNIQUE.exec(tag);
    if (technique !== null) techniques.push((technique[1] as string).toUpperCase());
    else if (tag.startsWith('attack.') && TACTICS.has(tag.slice(7))) tactics.push(tag.slice(7));
  }
  if (techniques.length === 0 && tactics.length === 0) return undefined;
  return { technique: { id: techniques }, tactic: { name: tactics }, framework: 'MITRE ATT&CK' };
}
