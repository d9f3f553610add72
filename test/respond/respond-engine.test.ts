import { parseResponsesConfig } from '../../src/respond/config/load-responses';
import type { ExecutionResult, Hook } from '../../src/respond/hooks/hook';
import { createHook } from '../../src/respond/hooks/create-hooks';
import { lazyAwsClients } from '../../src/respond/hooks/aws-clients';
import type { RespondDeps } from '../../src/respond/respond-engine';
import { respondToNotice } from '../../src/respond/respond-engine';
import { actionIdOf } from '../../src/respond/actions/action-id';
import { ACCOUNT, alertNotice } from './support/alerts';
import { collectingDeadLetters, collectingRecorder, memoryActionStore, memoryRateLimiter } from './support/memory-stores';

const CONFIG = `
version: 1
accounts: ['${ACCOUNT}']
hooks:
  page: { type: sns, topicArn: 'arn:aws:sns:eu-west-1:${ACCOUNT}:page' }
  quarantine: { type: aws-action, action: attach-deny-all-policy }
routes:
  - name: page-high
    match: { minLevel: high }
    hooks: [page]
  - name: quarantine-persistence
    match: { tags: [attack.persistence] }
    hooks: [quarantine, page]
    approval: required
`;

/** A hook whose execution is scripted and counted, wrapped around the real hook's plan. */
function counting(hook: Hook, results: ExecutionResult[] = []): Hook & { calls: number } {
  const wrapped = {
    ...hook,
    calls: 0,
    async execute() {
      wrapped.calls++;
      return results.shift() ?? { kind: 'done' as const };
    },
  };
  return wrapped;
}

function setup(text = CONFIG, overrides: Partial<Pick<RespondDeps, 'now' | 'forceDryRun' | 'leaseMs'>> = {}) {
  const config = parseResponsesConfig(text, 'responses.yml');
  const hooks = new Map(Object.entries(config.hooks).map(([name, c]) => [name, counting(createHook(name, c, { env: {}, aws: lazyAwsClients('eu-west-1') }))]));
  const deps = {
    config,
    hooks,
    store: memoryActionStore(),
    limiter: memoryRateLimiter(),
    recorder: collectingRecorder(),
    deadLetters: collectingDeadLetters(),
    now: () => new Date('2026-12-02T10:00:00Z'),
    forceDryRun: false,
    sleep: async () => undefined,
    ...overrides,
  };
  return { ...deps, hook: (name: string) => hooks.get(name) as Hook & { calls: number } };
}

describe('respond: the engine', () => {
  it('runs each selected hook once per alert, however many routes select it', async () => {
    const s = setup();
    const entries = await respondToNotice(alertNotice(), s);
    expect(entries.map((e) => [e.route, e.hook, e.outcome])).toEqual([
      ['page-high', 'page', 'done'],
      ['quarantine-persistence', 'quarantine', 'awaiting-approval'],
    ]);
    expect(s.hook('page').calls).toBe(1);
    expect(s.hook('quarantine').calls).toBe(0);
  });

  it('skips a redelivered alert as a duplicate and acts no more', async () => {
    const s = setup();
    await respondToNotice(alertNotice(), s);
    const again = await respondToNotice(alertNotice(), s);
    expect(again.map((e) => [e.hook, e.outcome, e.existingState])).toEqual([
      ['page', 'skipped-duplicate', 'done'],
      ['quarantine', 'skipped-duplicate', 'awaiting-approval'],
    ]);
    expect(s.hook('page').calls).toBe(1);
  });

  it('lets only one of two concurrent deliveries act', async () => {
    const s = setup();
    const [a, b] = await Promise.all([respondToNotice(alertNotice(), s), respondToNotice(alertNotice(), s)]);
    expect(s.hook('page').calls).toBe(1);
    expect([...(a ?? []), ...(b ?? [])].filter((e) => e.hook === 'page').map((e) => e.outcome).sort()).toEqual(['done', 'skipped-duplicate']);
  });

  describe('dry-run', () => {
    it('computes and records the request without executing, when the route asks', async () => {
      const s = setup(CONFIG.replace('hooks: [page]', 'hooks: [page]\n    dryRun: true'));
      const entries = await respondToNotice(alertNotice(), s);
      expect(entries[0]).toEqual(expect.objectContaining({ hook: 'page', outcome: 'dry-run', dryRun: true, request: { calls: [expect.objectContaining({ operation: 'Publish' })] } }));
      expect(s.hook('page').calls).toBe(0);
      expect(s.store.records.get(actionIdOf('alert-0001', 'page'))?.state).toBe('dry-run');
    });

    it('applies when only the hook asks, and when forced for the whole stage', async () => {
      const hookLevel = setup(CONFIG.replace("topicArn: 'arn:aws:sns:eu-west-1:111122223333:page' }", "topicArn: 'arn:aws:sns:eu-west-1:111122223333:page', dryRun: true }"));
      expect((await respondToNotice(alertNotice(), hookLevel))[0]?.outcome).toBe('dry-run');
      const forced = setup(CONFIG, { forceDryRun: true });
      expect((await respondToNotice(alertNotice(), forced)).map((e) => e.outcome)).toEqual(['dry-run', 'dry-run']);
      expect(forced.hook('page').calls + forced.hook('quarantine').calls).toBe(0);
    });

    it('records why a dry-run action would fail, without dead letters', async () => {
      const s = setup(CONFIG.replace("accounts: ['111122223333']", "accounts: ['999999999999']"), { forceDryRun: true });
      const entries = await respondToNotice(alertNotice(), s);
      expect(entries[1]).toEqual(expect.objectContaining({ hook: 'quarantine', outcome: 'dry-run', error: expect.stringContaining('not in the accounts allow-list') }));
      expect(s.deadLetters.letters).toEqual([]);
    });
  });

  describe('approval', () => {
    it('waits for approval, then executes the stored plan once', async () => {
      const s = setup();
      await respondToNotice(alertNotice(), s);
      const actionId = actionIdOf('alert-0001', 'quarantine');
      expect(s.store.records.get(actionId)?.state).toBe('awaiting-approval');
      await s.store.decide(actionId, 'approved', 'alice', new Date('2026-12-02T10:05:00Z'));
      const entries = await respondToNotice({ kind: 'approved', version: 1, actionId, by: 'alice' }, s);
      expect(entries).toEqual([expect.objectContaining({ actionId, outcome: 'done', by: 'alice', target: `arn:aws:iam::${ACCOUNT}:role/ci-deployer` })]);
      expect(s.hook('quarantine').calls).toBe(1);
      const again = await respondToNotice({ kind: 'approved', version: 1, actionId, by: 'alice' }, s);
      expect(again.map((e) => e.outcome)).toEqual(['skipped-duplicate']);
      expect(s.hook('quarantine').calls).toBe(1);
    });

    it('never executes a rejected action', async () => {
      const s = setup();
      await respondToNotice(alertNotice(), s);
      const actionId = actionIdOf('alert-0001', 'quarantine');
      await s.store.decide(actionId, 'rejected', 'bob', new Date());
      const entries = await respondToNotice({ kind: 'approved', version: 1, actionId, by: 'mallory' }, s);
      expect(entries.map((e) => [e.outcome, e.existingState])).toEqual([['skipped-duplicate', 'rejected']]);
      expect(s.hook('quarantine').calls).toBe(0);
    });
  });

  describe('rate limits', () => {
    it('suppresses actions of a hook beyond its limit per window, and records them', async () => {
      const s = setup(CONFIG.replace("page: { type: sns, topicArn: 'arn:aws:sns:eu-west-1:111122223333:page' }", "page: { type: sns, topicArn: 'arn:aws:sns:eu-west-1:111122223333:page', rateLimit: { max: 2, per: 1h }, targetRateLimit: { max: 100, per: 1h } }"));
      const outcomes: string[] = [];
      for (let i = 0; i < 4; i++) outcomes.push(...(await respondToNotice(alertNotice({ alertId: `alert-${i}`, tags: [] }), s)).map((e) => e.outcome));
      expect(outcomes).toEqual(['done', 'done', 'suppressed', 'suppressed']);
      expect(s.hook('page').calls).toBe(2);
      expect(s.recorder.entries.filter((e) => e.outcome === 'suppressed')[0]?.error).toBe('hook page is limited to 2 action(s) per 1h');
    });

    it('suppresses repeated actions on one target', async () => {
      const s = setup(CONFIG.replace("page: { type: sns, topicArn: 'arn:aws:sns:eu-west-1:111122223333:page' }", "page: { type: sns, topicArn: 'arn:aws:sns:eu-west-1:111122223333:page', targetRateLimit: { max: 1, per: 1h } }"));
      const first = await respondToNotice(alertNotice({ alertId: 'a-1', tags: [] }), s);
      const second = await respondToNotice(alertNotice({ alertId: 'a-2', tags: [] }), s);
      expect([...first, ...second].map((e) => e.outcome)).toEqual(['done', 'suppressed']);
      expect(second[0]?.error).toContain('target arn:aws:sns:eu-west-1:111122223333:page is limited to 1 action(s) of page per 1h');
    });

    it('limits aws-action hooks to one action per target and hour by default', async () => {
      const s = setup(CONFIG.replace('approval: required', '').replace('minLevel: high', 'minLevel: critical'));
      const first = await respondToNotice(alertNotice({ alertId: 'a-1' }), s);
      const second = await respondToNotice(alertNotice({ alertId: 'a-2' }), s);
      expect([...first, ...second].map((e) => [e.hook, e.outcome])).toEqual([['quarantine', 'done'], ['page', 'done'], ['quarantine', 'suppressed'], ['page', 'done']]);
      expect(s.hook('quarantine').calls).toBe(1);
    });

    it('opens a new window after the old one', async () => {
      let now = new Date('2026-12-02T10:00:00Z');
      const s = setup(CONFIG.replace("page: { type: sns, topicArn: 'arn:aws:sns:eu-west-1:111122223333:page' }", "page: { type: sns, topicArn: 'arn:aws:sns:eu-west-1:111122223333:page', rateLimit: { max: 1, per: 1h } }"), { now: () => now });
      await respondToNotice(alertNotice({ alertId: 'a-1', tags: [] }), s);
      expect((await respondToNotice(alertNotice({ alertId: 'a-1b', tags: [] }), s)).map((e) => e.outcome)).toEqual(['suppressed']);
      now = new Date('2026-12-02T11:00:00Z');
      expect((await respondToNotice(alertNotice({ alertId: 'a-2', tags: [] }), s)).map((e) => e.outcome)).toEqual(['done']);
    });
  });

  describe('failures', () => {
    it('retries a transient failure, then succeeds', async () => {
      const s = setup();
      const page = s.hook('page');
      const hooks = new Map(s.hooks);
      hooks.set('page', counting(page, [{ kind: 'transient', error: 'Throttling' }, { kind: 'done' }]));
      const entries = await respondToNotice(alertNotice({ tags: [] }), { ...s, hooks });
      expect(entries).toEqual([expect.objectContaining({ outcome: 'done', attempts: 2 })]);
    });

    it('dead-letters a permanent failure at once, and a redrive may run it again', async () => {
      const s = setup();
      const hooks = new Map(s.hooks);
      const page = counting(s.hook('page'), [{ kind: 'permanent', error: 'AuthorizationError' }, { kind: 'done' }]);
      hooks.set('page', page);
      const deps = { ...s, hooks };
      expect((await respondToNotice(alertNotice({ tags: [] }), deps)).map((e) => [e.outcome, e.attempts])).toEqual([['failed', 1]]);
      expect(s.deadLetters.letters).toHaveLength(1);
      expect((await respondToNotice(alertNotice({ tags: [] }), deps)).map((e) => e.outcome)).toEqual(['skipped-duplicate']);
      // The redriven letter: failed actions may run again (a later window, so the target limit allows it).
      const later = { ...deps, now: () => new Date('2026-12-02T12:00:00Z') };
      expect((await respondToNotice({ ...alertNotice({ tags: [] }), retryFailed: true }, later)).map((e) => e.outcome)).toEqual(['done']);
      expect(page.calls).toBe(2);
    });

    it('records an invalid parameter as failed and dead-letters it, without calling AWS', async () => {
      const s = setup(CONFIG.replace('approval: required', ''));
      const notice = alertNotice();
      notice.event = { ...notice.event, aws: { cloudtrail: { userIdentity: { arn: 'arn:aws:iam::999999999999:role/x' } } } };
      notice.alert = { ...notice.alert, aws: {} };
      const entries = await respondToNotice(notice, s);
      expect(entries.find((e) => e.hook === 'quarantine')).toEqual(expect.objectContaining({ outcome: 'failed', error: expect.stringContaining('account 999999999999 is not in the accounts allow-list') }));
      expect(s.deadLetters.letters.map((l) => l.reason)).toEqual(['invalid-parameter']);
      expect(s.hook('quarantine').calls).toBe(0);
    });

    it('takes over an action whose worker died once its lease has expired', async () => {
      let now = new Date('2026-12-02T10:00:00Z');
      const s = setup(CONFIG, { now: () => now, leaseMs: 60_000 });
      const actionId = actionIdOf('alert-0001', 'page');
      await s.store.claim({ actionId, alertId: 'alert-0001', ruleId: 'r', route: 'page-high', hook: 'page', hookKind: 'sns', target: 't', plan: '{}' }, { state: 'executing', now, leaseMs: 60_000, retryFailed: false });
      expect((await respondToNotice(alertNotice({ tags: [] }), s)).map((e) => [e.outcome, e.existingState])).toEqual([['skipped-duplicate', 'executing']]);
      now = new Date('2026-12-02T10:02:00Z');
      expect((await respondToNotice(alertNotice({ tags: [] }), s)).map((e) => e.outcome)).toEqual(['done']);
    });
  });
});
