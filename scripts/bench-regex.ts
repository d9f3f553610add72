/**
 * Benchmark for the linear-time `re` engine against V8's backtracking RegExp.
 * Run: npx tsc -p tsconfig.build.json && node dist/scripts/bench-regex.js
 *
 * Prints µs per test() and MB/s for realistic SigmaHQ patterns on 200-byte log lines, and for
 * ReDoS patterns on 100 KB hostile inputs (V8 is skipped where it would backtrack for ages).
 */
import { compileRegexWithEngine } from '../src/sigma/regex/compile-regex';

interface Case {
  readonly name: string;
  readonly pattern: string;
  /** The same pattern for V8 (source, flags), or undefined to skip V8. */
  readonly v8: readonly [source: string, flags: string] | undefined;
}

const same = (pattern: string, flags = ''): readonly [string, string] => [pattern, flags];

/** Realistic patterns from SigmaHQ rules (V8 sources differ only where PCRE and JS syntax do). */
const REALISTIC: readonly Case[] = [
  { name: 'curl user flag', pattern: '(?i)\\s(-u|--user)\\s*:', v8: same('\\s(-u|--user)\\s*:', 'i') },
  { name: 'URL with IPv4', pattern: 'https?://(?:(?:25[0-5]|(?:2[0-4]|1\\d|[1-9])?\\d)(?:\\.|\\b)){4}', v8: same('https?://(?:(?:25[0-5]|(?:2[0-4]|1\\d|[1-9])?\\d)(?:\\.|\\b)){4}') },
  {
    name: 'werfaultsecure',
    pattern: '(?i)\\.exe[\\"\\\']?\\s+[^\\"]{0,64}werfaultsecure\\.exe[\\"\\\']?\\s+\\d{2,10}',
    v8: same('\\.exe["\']?\\s+[^"]{0,64}werfaultsecure\\.exe["\']?\\s+\\d{2,10}', 'i'),
  },
  { name: 'rundll32 script', pattern: '[Rr][Uu][Nn][Dd][Ll][Ll]32(?:\\.[Ee][Xx][Ee])? \\S+?\\w:\\S+?:', v8: same('[Rr][Uu][Nn][Dd][Ll][Ll]32(?:\\.[Ee][Xx][Ee])? \\S+?\\w:\\S+?:') },
  {
    name: 'appdata path',
    pattern: '(?:[Pp]rogram[Dd]ata|%(?:[Ll]ocal)?[Aa]pp[Dd]ata%|\\\\[Aa]pp[Dd]ata\\\\(?:[Ll]ocal(?:[Ll]ow)?|[Rr]oaming))\\\\[^\\\\]{1,256}$',
    v8: same('(?:[Pp]rogram[Dd]ata|%(?:[Ll]ocal)?[Aa]pp[Dd]ata%|\\\\[Aa]pp[Dd]ata\\\\(?:[Ll]ocal(?:[Ll]ow)?|[Rr]oaming))\\\\[^\\\\]{1,256}$'),
  },
  { name: 'long path segment', pattern: '[^/]{100,}$', v8: same('[^/]{100,}$') },
  { name: '$PSHome obfuscation', pattern: '\\$PSHome\\[\\s*\\d{1,3}\\s*\\]\\s*\\+\\s*\\$PSHome\\[', v8: same('\\$PSHome\\[\\s*\\d{1,3}\\s*\\]\\s*\\+\\s*\\$PSHome\\[') },
  { name: 'many plus signs', pattern: '\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+', v8: same('\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+') },
  { name: 'GUID', pattern: '[A-F0-9]{8}-[A-F0-9]{4}-[A-F0-9]{4}-[A-F0-9]{4}-[A-F0-9]{12}', v8: same('[A-F0-9]{8}-[A-F0-9]{4}-[A-F0-9]{4}-[A-F0-9]{4}-[A-F0-9]{12}') },
  { name: 'IPv4 anywhere', pattern: '[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}', v8: same('[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}') },
  { name: 'email (okta rule)', pattern: '(^0oa.*|[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,10})', v8: same('(^0oa.*|[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,10})') },
  { name: 'env path obfuscation', pattern: '(?i)\\$\\{`?e`?n`?v`?:`?p`?a`?t`?h`?\\}', v8: same('\\$\\{`?e`?n`?v`?:`?p`?a`?t`?h`?\\}', 'i') },
  { name: 'plain literal', pattern: 'mimikatz', v8: same('mimikatz') },
];

const HOSTILE_SIZE = 100_000;
const lines = (length: number): string => `${'x'.repeat(length)}\n`.repeat(Math.ceil(HOSTILE_SIZE / (length + 1)));

/** ReDoS patterns with near-miss inputs; V8 runs only where it finishes in reasonable time. */
const HOSTILE: readonly (Case & { readonly input: string })[] = [
  { name: '(a+)+$', pattern: '(a+)+$', v8: undefined, input: `${'a'.repeat(HOSTILE_SIZE)}b` },
  { name: '(a|a)*b', pattern: '(a|a)*b', v8: undefined, input: 'a'.repeat(HOSTILE_SIZE) },
  { name: '(.*a){20}', pattern: '(.*a){20}', v8: undefined, input: `${'x'.repeat(HOSTILE_SIZE)}${'a'.repeat(19)}` },
  { name: '(x+x+)+y', pattern: '(x+x+)+y', v8: undefined, input: 'x'.repeat(HOSTILE_SIZE) },
  { name: '^(([a-z])+.)+[A-Z]([a-z])+$', pattern: '^(([a-z])+.)+[A-Z]([a-z])+$', v8: undefined, input: `${'a'.repeat(HOSTILE_SIZE)}!` },
  { name: '.{150}', pattern: '.{150}', v8: same('.{150}'), input: lines(149) },
  { name: '(.){200,}', pattern: '(.){200,}', v8: same('(.){200,}'), input: lines(199) },
  { name: '.{1000,}', pattern: '.{1000,}', v8: same('.{1000,}'), input: lines(999) },
];

/** mulberry32, so every run measures the same lines. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 200-byte log lines: process command lines, paths and URLs, a few of them matching something. */
function logLines(count: number): string[] {
  const random = seededRandom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const fragments = [
    'C:\\Windows\\System32\\svchost.exe -k netsvcs -p -s Schedule',
    '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --type=renderer --lang=en-US',
    'powershell.exe -NoProfile -ExecutionPolicy Bypass -Command Get-ChildItem',
    'curl -s -o /tmp/x https://updates.example.com/v2/pkg.tar.gz',
    '/usr/bin/python3 /opt/app/worker.py --queue default --concurrency 4',
    'rundll32.exe shell32.dll,Control_RunDLL desk.cpl',
    'C:\\Users\\alice\\AppData\\Roaming\\Microsoft\\Teams\\current\\Teams.exe',
    'GET /api/v1/items?id=8F14E45F-CEEA-467F-A9F6-2F9D0BD84A1E HTTP/1.1 200',
    'ssh -i ~/.ssh/id_ed25519 deploy@10.0.4.17 uptime',
    'curl -u : --ntlm http://192.168.10.5/share',
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let line = `2024-05-01T12:00:${String(i % 60).padStart(2, '0')}Z host-${i % 17} `;
    while (line.length < 200) line += `${pick(fragments)} `;
    out.push(line.slice(0, 200));
  }
  return out;
}

interface Measurement {
  readonly microsPerTest: number;
  readonly megabytesPerSecond: number;
  readonly matches: number;
}

/** Runs `test` over the inputs repeatedly for about `budgetMs`, after one warm-up pass. */
function measure(inputs: readonly string[], test: (input: string) => boolean, budgetMs: number): Measurement {
  let matches = 0;
  for (const input of inputs) if (test(input)) matches++;
  const bytes = inputs.reduce((sum, s) => sum + s.length, 0);
  let rounds = 0;
  let elapsedNs = 0;
  const start = process.hrtime.bigint();
  do {
    for (const input of inputs) test(input);
    rounds++;
    elapsedNs = Number(process.hrtime.bigint() - start);
  } while (elapsedNs < budgetMs * 1e6);
  const tests = rounds * inputs.length;
  return { microsPerTest: elapsedNs / 1e3 / tests, megabytesPerSecond: (bytes * rounds) / (elapsedNs / 1e9) / 1e6, matches };
}

function format(m: Measurement | undefined): string {
  if (m === undefined) return 'skipped (backtracking)'.padEnd(28);
  const micros = m.microsPerTest < 100 ? m.microsPerTest.toFixed(2) : m.microsPerTest.toFixed(0);
  return `${micros.padStart(8)} µs ${m.megabytesPerSecond.toFixed(0).padStart(6)} MB/s`.padEnd(28);
}

function report(title: string, cases: readonly Case[], inputsFor: (c: Case) => readonly string[]): void {
  console.log(`\n${title}`);
  console.log(`${'pattern'.padEnd(30)}${'linear test()'.padEnd(28)}${'linear DFA, no prefilter'.padEnd(28)}${'V8 RegExp'.padEnd(28)}matches`);
  for (const c of cases) {
    const inputs = inputsFor(c);
    const re = compileRegexWithEngine(c.pattern);
    const ours = measure(inputs, (s) => re.test(s), 300);
    const dfa = measure(inputs, (s) => re.dfa.test(s), 300);
    const v8 = c.v8 ? new RegExp(c.v8[0], c.v8[1]) : undefined;
    const theirs = v8 ? measure(inputs, (s) => v8.test(s), 300) : undefined;
    if (theirs && theirs.matches !== ours.matches) throw new Error(`${c.name}: V8 matched ${theirs.matches} inputs, linear ${ours.matches}`);
    console.log(`${c.name.padEnd(30)}${format(ours)}${format(dfa)}${format(theirs)}${ours.matches}/${inputs.length}`);
  }
}

function main(): void {
  const logs = logLines(1_000);
  console.log(`Node ${process.version}; ${logs.length} log lines of 200 bytes; hostile inputs of ${HOSTILE_SIZE / 1000} KB`);
  report('Realistic SigmaHQ patterns on 200-byte log lines', REALISTIC, () => logs);
  const hostileInputs = new Map(HOSTILE.map((h) => [h.name, [h.input]]));
  report('ReDoS patterns on 100 KB near-miss inputs', HOSTILE, (c) => hostileInputs.get(c.name) ?? []);
}

main();
