import { SSRF_TARGETS } from '../../attacks/web-attacks';
import type { SamplePrng } from '../../prng';
import { spreadOverDay } from '../../sample-time';
import { ATTACKER_IPS } from '../../timeline';
import { customerClients, type HttpClient, requestLine } from '../http-clients';
import type { AppLine, BrokenInit, InvocationPlan } from '../invocation-plan';
import { type LambdaFunction, NODEJS_20 } from '../lambda-function';
import { nodeText, nodeUncaughtException } from '../runtime-lines';
import type { FunctionScenario } from '../simulate-function';
import { paced, scaled, type ScenarioContext } from './scenario-context';

/** Makes thumbnails of images fetched by URL (the CMS calls it): Node.js 20 with sharp, text logs. */
export const THUMBNAILER: LambdaFunction = {
  name: 'thumbnailer',
  runtime: NODEJS_20,
  logFormat: 'Text',
  memorySizeMb: 1024,
  timeoutSeconds: 30,
  tracing: false,
  baseMemoryMb: 212,
  initMs: [380, 870],
};

const NORMAL_REQUESTS = 70;

/** A deployment package built without the native sharp module (A4 Runtime.ImportModuleError). */
const MISSING_SHARP: BrokenInit = {
  errorType: 'Runtime.ImportModuleError',
  render: nodeUncaughtException({
    errorType: 'Runtime.ImportModuleError',
    errorMessage: "Error: Cannot find module 'sharp'\nRequire stack:\n- /var/task/resize.js\n- /var/task/index.js\n- /var/runtime/index.mjs",
    stack: [
      "Runtime.ImportModuleError: Error: Cannot find module 'sharp'",
      'Require stack:',
      '- /var/task/resize.js',
      '- /var/task/index.js',
      '- /var/runtime/index.mjs',
      '    at _loadUserApp (file:///var/runtime/index.mjs:1087:17)',
      '    at async UserFunction.js.module.exports.load (file:///var/runtime/index.mjs:1119:21)',
      '    at async start (file:///var/runtime/index.mjs:1282:23)',
      '    at async file:///var/runtime/index.mjs:1288:1',
    ],
  }),
};

export function thumbnailerScenario(ctx: ScenarioContext): FunctionScenario {
  const { prng, timeline } = ctx;
  const cms = customerClients(prng, 4).map((c) => ({ ip: c.ip, userAgent: 'shop-cms/2.8.1 (+https://cms.shop.example.com)' }));
  const arrivals = spreadOverDay(prng, scaled(NORMAL_REQUESTS, ctx.scale), timeline.start);
  // The CMS retries uploads while the broken package is live.
  arrivals.push(...paced(prng, timeline.at.thumbnailerBadDeploy + 40_000, 6, 15_000, 50_000));
  const invocations = arrivals.map((at) => thumbnail(prng, at, prng.pick(cms), `https://images.example.net/uploads/${prng.hex(12)}.jpg`));
  const operator: HttpClient = { ip: ATTACKER_IPS.operator, userAgent: 'curl/8.5.0' };
  const probeTimes = paced(prng, timeline.at.manualProbe, SSRF_TARGETS.length, 20_000, 90_000);
  SSRF_TARGETS.forEach((target, i) => invocations.push(ssrfProbe(prng, probeTimes[i] as number, operator, target)));
  invocations.push(panorama(prng, timeline.at.outOfMemory, prng.pick(cms)));
  return {
    fn: THUMBNAILER,
    invocations,
    deployments: [{ at: timeline.at.thumbnailerBadDeploy, brokenInit: MISSING_SHARP }, { at: timeline.at.thumbnailerRollback }],
    initLines: () => [{ atMs: 300, render: nodeText('INFO', 'sharp 0.33.5 libvips 8.15.3 loaded, concurrency=2') }],
  };
}

function thumbnail(prng: SamplePrng, at: number, client: HttpClient, url: string): InvocationPlan {
  const fetchMs = prng.around(60, 400);
  const resizeMs = prng.around(120, 700);
  const [w, h] = prng.pick([[4032, 3024], [3000, 2000], [1920, 1080], [2400, 3200]] as const);
  const lines: AppLine[] = [
    { atMs: 2, render: nodeText('INFO', `fetching source ${url}`) },
    { atMs: fetchMs + resizeMs, render: nodeText('INFO', `resized ${w}x${h} -> 400x${Math.round((400 * h) / w)} webp ${prng.int(14, 60)} KB in ${Math.round(resizeMs)}ms`) },
    { atMs: fetchMs + resizeMs + 8, render: nodeText('INFO', requestLine('POST', '/v1/thumbnails', 201, fetchMs + resizeMs + 8, client)) },
  ];
  return { arrival: at, durationMs: fetchMs + resizeMs + 10, lines, ending: { kind: 'success' } };
}

function ssrfProbe(prng: SamplePrng, at: number, client: HttpClient, target: (typeof SSRF_TARGETS)[number]): InvocationPlan {
  if (target.error === '') return thumbnail(prng, at, client, target.url);
  const ms = prng.around(3, 25);
  const lines: AppLine[] = [
    { atMs: 2, render: nodeText('INFO', `fetching source ${target.url}`), attacks: target.attacks },
    { atMs: ms, render: nodeText('ERROR', `fetch failed for ${target.url}: ${target.error}`), attacks: target.attacks },
    { atMs: ms + 1, render: nodeText('INFO', requestLine('POST', '/v1/thumbnails', 502, ms + 1, client)) },
  ];
  return { arrival: at, durationMs: ms + 2, lines, ending: { kind: 'success' } };
}

/** A 150-megapixel TIFF: decoding it needs more than the function's memory and the runtime is killed. */
function panorama(prng: SamplePrng, at: number, client: HttpClient): InvocationPlan {
  const lines: AppLine[] = [
    { atMs: 2, render: nodeText('INFO', `fetching source https://images.example.net/uploads/panorama-${prng.hex(8)}.tiff`) },
    { atMs: 2400, render: nodeText('INFO', `decoding 24576x6144 tiff (151.0 megapixels) for ${client.ip}`) },
  ];
  return {
    arrival: at,
    durationMs: prng.around(7_000, 11_000),
    lines,
    memoryMb: THUMBNAILER.memorySizeMb,
    ending: { kind: 'runtime-exit', errorType: 'Runtime.OutOfMemory', reason: 'signal: killed', incident: 'out-of-memory' },
  };
}
