import { matchesLogGroupPattern } from '../../src/normalize/log-group-pattern';

describe('normalize: vpc flow log group patterns', () => {
  it.each([
    ['/aws/vpc/flow-logs', '/aws/vpc/flow-logs', true],
    ['/aws/vpc/flow-logs', '/aws/vpc/flow-logs/x', false],
    ['/aws/vpc/flow-logs*', '/aws/vpc/flow-logs/prod', true],
    ['/aws/vpc/flow-logs*', '/aws/vpc/flow-log', false],
    ['*vpc-flow-logs*', 'prod-vpc-flow-logs', true],
    ['*vpc-flow-logs*', 'vpc-flow-logs', true],
    ['*vpc-flow-logs*', 'prod-vpc-flowlogs', false],
    ['nat-*-vpc-flow-logs', 'nat-euw1-vpc-flow-logs', true],
    ['nat-*-vpc-flow-logs', 'nat-vpc-flow-logs', false],
    ['a*a', 'a', false],
    ['a*b*c', 'abbc', true],
    ['a*b*c', 'acb', false],
    ['*', '', true],
  ])('matches %j against %j: %s', (pattern, name, expected) => {
    expect(matchesLogGroupPattern(pattern, name)).toBe(expected);
  });
});
