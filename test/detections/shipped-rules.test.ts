import { run } from '../cli/cli-io';

/** The shipped detection content is tested like a user's: `logwarden rules test` over detections/. */
describe('detections: shipped rules', () => {
  it('pass every case of their tests files, and every rule has one', async () => {
    const result = await run(['rules', 'test', '--require-tests', 'detections']);
    expect(result.stdout).toMatch(/case\(s\): \d+ passed, 0 failed/);
    expect(result.stdout).not.toMatch(/FAIL|MISSING/);
    expect(result.code).toBe(0);
  });

  it('are all valid', async () => {
    const result = await run(['rules', 'validate', '--json', 'detections']);
    expect(JSON.parse(result.stdout)).toMatchObject({ invalid: 0, errors: [] });
  });
});
