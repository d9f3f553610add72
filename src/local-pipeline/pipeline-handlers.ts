import type { KinesisBatchHandler } from '../local-runner';

export interface PipelineHandlers {
  readonly forward: (event: unknown) => Promise<unknown>;
  readonly normalize: KinesisBatchHandler;
  readonly detect: KinesisBatchHandler;
  readonly indexEvents: KinesisBatchHandler;
  /** Runs when the alerts stream is on (LOGWARDEN_ALERTS_STREAM); `npm start` forces it to dry-run. */
  readonly respond?: KinesisBatchHandler;
}

/**
 * The real Lambda handlers, loaded in this process. They read their settings from the
 * environment when loaded (a cold start), so the caller sets the environment first; loading
 * them once per process is what a warm Lambda environment does too.
 */
export function loadPipelineHandlers(): PipelineHandlers {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded after the environment is set, like a cold start */
  const forward = (require('../../functions/forward/handler') as { handler: PipelineHandlers['forward'] }).handler;
  const normalize = (require('../../functions/normalize/handler') as { handler: KinesisBatchHandler }).handler;
  const detect = (require('../../functions/detect/handler') as { handler: KinesisBatchHandler }).handler;
  const indexEvents = (require('../../functions/index-events/handler') as { handler: KinesisBatchHandler }).handler;
  const respond = (process.env['LOGWARDEN_ALERTS_STREAM'] ?? '') === '' ? undefined : (require('../../functions/respond/handler') as { handler: KinesisBatchHandler }).handler;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { forward, normalize, detect, indexEvents, ...(respond === undefined ? {} : { respond }) };
}
