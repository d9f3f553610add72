import { parseNormalizeConfig, type NormalizeConfig } from '../../../../src/normalize/config';
import type { EventFields, ParseOutcome } from '../../../../src/normalize/parser';
import { VPC_FLOW_LOG_PARSER, VPCFLOW_PARSERS } from '../../../../src/normalize/parsers/vpcflow';
import { fixtureLine, parseInput } from '../parser-inputs';

const DEFAULT_GROUP = '/aws/vpc/flow-logs';
const V5_GROUP = '/aws/vpc/flow-logs/custom-v5';
// The "Service name, traffic path, and flow direction" example format of the VPC user guide.
const V5_FORMAT =
  '${version} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${start} ${end} ${type} ${packets} ${bytes} ${account-id} ${vpc-id} ${subnet-id} ${instance-id} ${interface-id} ${region} ${az-id} ${sublocation-type} ${sublocation-id} ${action} ${tcp-flags} ${pkt-srcaddr} ${pkt-dstaddr} ${pkt-src-aws-service} ${pkt-dst-aws-service} ${traffic-path} ${flow-direction} ${log-status}';
const CONFIG = parseNormalizeConfig({
  vpcFlowFormats: [
    { logGroups: ['/aws/vpc/flow-logs/custom-*'], format: V5_FORMAT },
    { logGroups: ['nat-*-vpc-flow-logs'], format: '${instance-id} ${interface-id} ${srcaddr} ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr}' },
    { logGroups: ['*-v3-vpc-flow-logs'], format: '${version} ${vpc-id} ${srcaddr} ${dstaddr}' },
    { logGroups: ['*-ecs-vpc-flow-logs'], format: '${version} ${ecs-cluster-name} ${srcaddr}' },
    { logGroups: ['broken-vpc-flow-logs'], format: '${version} srcaddr' },
  ],
});

function parse(message: string, logGroup = DEFAULT_GROUP, config: NormalizeConfig = CONFIG): ParseOutcome {
  return VPC_FLOW_LOG_PARSER.parse(parseInput(message, { logGroup, config }));
}

const [ACCEPT, REJECT, NODATA, SKIPDATA, IPV6, ICMP] = [0, 1, 2, 3, 4, 5].map((i) => fixtureLine('vpcflow/default-format.txt', i)) as [string, string, string, string, string, string];
const [V5_INGRESS, V5_EGRESS] = [fixtureLine('vpcflow/custom-v5.txt', 0), fixtureLine('vpcflow/custom-v5.txt', 1)];
const WINDOW = { start: '2025-11-28T18:03:00.000Z', end: '2025-11-28T18:04:00.000Z' };
const DEFAULT_TIMES = { start: '1764352980', end: '1764353040' };

describe('normalize: vpc flow logs', () => {
  it.each([
    {
      when: 'a default-format line was accepted (A9 sample)', line: ACCEPT, logGroup: DEFAULT_GROUP,
      fields: {
        event: { category: ['network'], ...WINDOW, action: 'allowed', outcome: 'success', type: ['connection', 'allowed'] },
        source: { ip: '172.31.16.139', port: 20641 }, destination: { ip: '172.31.16.21', port: 22 },
        network: { iana_number: '6', transport: 'tcp', packets: 20, bytes: 4249, type: 'ipv4' },
        related: { ip: ['172.31.16.139', '172.31.16.21'] },
        aws: { vpcflow: { version: '2', account_id: '111122223333', interface_id: 'eni-0a1b2c3d4e5f60718', srcaddr: '172.31.16.139', dstaddr: '172.31.16.21', srcport: '20641', dstport: '22', protocol: '6', packets: '20', bytes: '4249', ...DEFAULT_TIMES, action: 'ACCEPT', log_status: 'OK' } },
      },
    },
    {
      when: 'a default-format line was rejected (A9 sample)', line: REJECT, logGroup: 'prod-vpc-flow-logs',
      fields: {
        event: { category: ['network'], ...WINDOW, action: 'denied', outcome: 'failure', type: ['connection', 'denied'] },
        source: { ip: '198.51.100.9', port: 41022 }, destination: { ip: '172.31.16.139', port: 3389 },
        network: { iana_number: '6', transport: 'tcp', packets: 1, bytes: 40, type: 'ipv4' },
        related: { ip: ['198.51.100.9', '172.31.16.139'] },
        aws: { vpcflow: { version: '2', account_id: '111122223333', interface_id: 'eni-0a1b2c3d4e5f60718', srcaddr: '198.51.100.9', dstaddr: '172.31.16.139', srcport: '41022', dstport: '3389', protocol: '6', packets: '1', bytes: '40', ...DEFAULT_TIMES, action: 'REJECT', log_status: 'OK' } },
      },
    },
    {
      when: 'the line is NODATA (A9 sample)', line: NODATA, logGroup: DEFAULT_GROUP,
      fields: { event: { category: ['network'], ...WINDOW }, aws: { vpcflow: { version: '2', account_id: '111122223333', interface_id: 'eni-0f9e8d7c6b5a49382', ...DEFAULT_TIMES, log_status: 'NODATA' } } },
    },
    {
      when: 'the line is SKIPDATA', line: SKIPDATA, logGroup: DEFAULT_GROUP,
      fields: { event: { category: ['network'], ...WINDOW }, aws: { vpcflow: { version: '2', account_id: '111122223333', interface_id: 'eni-11111111aaaaaaaaa', ...DEFAULT_TIMES, log_status: 'SKIPDATA' } } },
    },
    {
      when: 'the addresses are IPv6', line: IPV6, logGroup: DEFAULT_GROUP,
      fields: {
        event: { category: ['network'], ...WINDOW, action: 'allowed', outcome: 'success', type: ['connection', 'allowed'] },
        source: { ip: '2001:db8:1234:a100:8d6e:3477:df66:f105', port: 34892 }, destination: { ip: '2001:db8:1234:a102:3304:8879:34cf:4071', port: 22 },
        network: { iana_number: '6', transport: 'tcp', packets: 54, bytes: 8855, type: 'ipv6' },
        related: { ip: ['2001:db8:1234:a100:8d6e:3477:df66:f105', '2001:db8:1234:a102:3304:8879:34cf:4071'] },
        aws: { vpcflow: { version: '2', account_id: '111122223333', interface_id: 'eni-0a1b2c3d4e5f60718', srcaddr: '2001:db8:1234:a100:8d6e:3477:df66:f105', dstaddr: '2001:db8:1234:a102:3304:8879:34cf:4071', srcport: '34892', dstport: '22', protocol: '6', packets: '54', bytes: '8855', ...DEFAULT_TIMES, action: 'ACCEPT', log_status: 'OK' } },
      },
    },
    {
      when: 'the protocol is ICMP (ports 0)', line: ICMP, logGroup: DEFAULT_GROUP,
      fields: {
        event: { category: ['network'], ...WINDOW, action: 'allowed', outcome: 'success', type: ['connection', 'allowed'] },
        source: { ip: '203.0.113.12', port: 0 }, destination: { ip: '172.31.16.139', port: 0 },
        network: { iana_number: '1', transport: 'icmp', packets: 4, bytes: 336, type: 'ipv4' },
        related: { ip: ['203.0.113.12', '172.31.16.139'] },
        aws: { vpcflow: { version: '2', account_id: '111122223333', interface_id: 'eni-0a1b2c3d4e5f60718', srcaddr: '203.0.113.12', dstaddr: '172.31.16.139', srcport: '0', dstport: '0', protocol: '1', packets: '4', bytes: '336', ...DEFAULT_TIMES, action: 'ACCEPT', log_status: 'OK' } },
      },
    },
    {
      when: 'a custom version 5 format is configured for the log group (ingress)', line: V5_INGRESS, logGroup: V5_GROUP,
      fields: {
        event: { category: ['network'], ...WINDOW, action: 'allowed', outcome: 'success', type: ['connection', 'allowed'] },
        source: { ip: '52.95.128.179', port: 80 }, destination: { ip: '10.0.0.71', port: 34210 },
        network: { iana_number: '6', transport: 'tcp', packets: 14, bytes: 15044, type: 'ipv4', direction: 'ingress' },
        cloud: { region: 'eu-west-1', instance: { id: 'i-0c50d5961bcb2d47b' } },
        related: { ip: ['52.95.128.179', '10.0.0.71'] },
        aws: {
          vpcflow: {
            version: '5', srcaddr: '52.95.128.179', dstaddr: '10.0.0.71', srcport: '80', dstport: '34210', protocol: '6', ...DEFAULT_TIMES, type: 'IPv4', packets: '14', bytes: '15044',
            account_id: '111122223333', vpc_id: 'vpc-abcdefab012345678', subnet_id: 'subnet-aaaaaaaa012345678', instance_id: 'i-0c50d5961bcb2d47b', interface_id: 'eni-1235b8ca123456789',
            region: 'eu-west-1', az_id: 'euw1-az3', action: 'ACCEPT', tcp_flags: '19', pkt_srcaddr: '52.95.128.179', pkt_dstaddr: '10.0.0.71', pkt_src_aws_service: 'S3',
            flow_direction: 'ingress', log_status: 'OK',
          },
        },
      },
    },
    {
      when: 'a custom version 5 format is configured for the log group (egress)', line: V5_EGRESS, logGroup: V5_GROUP,
      fields: {
        event: { category: ['network'], ...WINDOW, action: 'allowed', outcome: 'success', type: ['connection', 'allowed'] },
        source: { ip: '10.0.0.71', port: 34210 }, destination: { ip: '52.95.128.179', port: 80 },
        network: { iana_number: '6', transport: 'tcp', packets: 7, bytes: 471, type: 'ipv4', direction: 'egress' },
        cloud: { region: 'eu-west-1', instance: { id: 'i-0c50d5961bcb2d47b' } },
        related: { ip: ['10.0.0.71', '52.95.128.179'] },
        aws: {
          vpcflow: {
            version: '5', srcaddr: '10.0.0.71', dstaddr: '52.95.128.179', srcport: '34210', dstport: '80', protocol: '6', ...DEFAULT_TIMES, type: 'IPv4', packets: '7', bytes: '471',
            account_id: '111122223333', vpc_id: 'vpc-abcdefab012345678', subnet_id: 'subnet-aaaaaaaa012345678', instance_id: 'i-0c50d5961bcb2d47b', interface_id: 'eni-1235b8ca123456789',
            region: 'eu-west-1', az_id: 'euw1-az3', action: 'ACCEPT', tcp_flags: '3', pkt_srcaddr: '10.0.0.71', pkt_dstaddr: '52.95.128.179', pkt_dst_aws_service: 'S3',
            traffic_path: '8', flow_direction: 'egress', log_status: 'OK',
          },
        },
      },
    },
    {
      when: 'the format has no version, action or status (NAT gateway example)', line: '- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5', logGroup: 'nat-euw1-vpc-flow-logs',
      fields: {
        event: { category: ['network'] },
        source: { ip: '10.0.1.5' }, destination: { ip: '10.0.0.220' }, network: { type: 'ipv4' },
        related: { ip: ['10.0.1.5', '10.0.0.220', '203.0.113.5'] },
        aws: { vpcflow: { interface_id: 'eni-1235b8ca123456789', srcaddr: '10.0.1.5', dstaddr: '10.0.0.220', pkt_srcaddr: '10.0.1.5', pkt_dstaddr: '203.0.113.5' } },
      },
    },
    {
      when: 'the format has a field newer than the parser knows and the line a later version', line: '7 prod-cluster 10.0.0.9', logGroup: 'prod-ecs-vpc-flow-logs',
      fields: {
        event: { category: ['network'] }, source: { ip: '10.0.0.9' }, network: { type: 'ipv4' }, related: { ip: ['10.0.0.9'] },
        aws: { vpcflow: { version: '7', ecs_cluster_name: 'prod-cluster', srcaddr: '10.0.0.9' } },
      },
    },
  ])('maps the record to ECS and aws.vpcflow when $when', ({ line, logGroup, fields }) => {
    expect(parse(line, logGroup)).toEqual({ kind: 'parsed', parser: 'vpcflow', fields: fields as EventFields });
  });

  it('separates fields on runs of whitespace (one user guide example has a double space)', () => {
    const outcome = parse(`  ${ACCEPT.replaceAll(' ', '  ')} `);
    expect(outcome).toEqual(parse(ACCEPT));
  });

  it.each([
    ['the field count does not match the default format', '2 111122223333 eni-0a1b2c3d4e5f60718 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1764352980 1764353040 ACCEPT', DEFAULT_GROUP, 'expected 14 space-separated fields (version 2 format), got 13'],
    ['a custom-format line reaches a group with the default format', V5_INGRESS, DEFAULT_GROUP, 'expected 14 space-separated fields (version 2 format), got 29'],
    ['a default-format line reaches a group with a custom format', ACCEPT, V5_GROUP, 'expected 29 space-separated fields (version 5 format), got 14'],
    ['the line is empty', '', DEFAULT_GROUP, 'expected 14 space-separated fields (version 2 format), got 0'],
    ['the line version differs from the format version', '2 vpc-0a1b2c3d 10.0.0.1 10.0.0.2', 'prod-v3-vpc-flow-logs', 'line is flow log version "2" but the configured format is version 3'],
    ['the version is not a number', ACCEPT.replace(/^2 /, 'v2 '), DEFAULT_GROUP, 'line is flow log version "v2" but the configured format is version 2'],
    ['a format with newer fields meets a line older than its known fields', '1 prod-cluster 10.0.0.9', 'prod-ecs-vpc-flow-logs', 'line is flow log version "1" but the configured format is version 2 or later'],
    ['an address is not an IP', ACCEPT.replace('172.31.16.139', 'evil.example.com'), DEFAULT_GROUP, 'srcaddr "evil.example.com" is not an IP address'],
    ['a port is out of range', ACCEPT.replace(' 20641 ', ' 70000 '), DEFAULT_GROUP, 'srcport "70000" is not an integer from 0 to 65535'],
    ['a count is negative', ACCEPT.replace(' 4249 ', ' -4249 '), DEFAULT_GROUP, 'bytes "-4249" is not an integer from 0 to 9007199254740991'],
    ['the action is unknown', ACCEPT.replace('ACCEPT', 'ALLOW'), DEFAULT_GROUP, 'action "ALLOW" is neither ACCEPT nor REJECT'],
    ['the configured format is invalid', '2 10.0.0.1', 'broken-vpc-flow-logs', 'the VPC flow log format configured for this log group is invalid: token 2 ("srcaddr") is not a ${field-name}'],
  ])('fails with the reason when %s', (_when, line, logGroup, error) => {
    expect(parse(line, logGroup)).toEqual({ kind: 'failed', parser: 'vpcflow', error });
  });

  it('fails without throwing on binary garbage and a 1 MB line', () => {
    let seed = 11;
    const garbage = Array.from({ length: 4096 }, () => String.fromCharCode((seed = (seed * 48271) % 2147483647) % 256)).join('');
    expect(parse(garbage)).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^expected 14 space-separated fields \(version 2 format\), got \d+$/) });
    expect(parse(`${ACCEPT} ${'x '.repeat(1 << 19)}`)).toEqual({ kind: 'failed', parser: 'vpcflow', error: `expected 14 space-separated fields (version 2 format), got ${14 + (1 << 19)}` });
  });

  it('uses the default version 2 format when no configured pattern matches the log group', () => {
    expect(parse(ACCEPT, '/aws/vpc/flow-logs/custom', parseNormalizeConfig({}))).toMatchObject({ kind: 'parsed' });
  });

  it('lists one parser for VPC flow log groups', () => {
    expect(VPCFLOW_PARSERS).toEqual([VPC_FLOW_LOG_PARSER]);
  });
});
