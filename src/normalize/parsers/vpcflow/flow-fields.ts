import { isIP } from 'node:net';
import { distinctStrings, integerOf, withoutEmpty, type FieldTree } from '../../field-tree';
import { isoFromEpochSeconds } from './flow-values';
import { transportOf } from './protocols';

/**
 * ECS fields of one flow record (field name → value, `-` already removed), beside the record as
 * logged under `aws.vpcflow` (kebab-case names in snake_case, built by the caller). NODATA and
 * SKIPDATA records describe a capture window, not traffic: they get no address, port, protocol
 * or action fields at all (A9).
 */
export function mapFlowRecord(record: ReadonlyMap<string, string>, vpcflow: FieldTree): FieldTree {
  const status = record.get('log-status');
  const hasTraffic = status !== 'NODATA' && status !== 'SKIPDATA';
  const action = hasTraffic ? record.get('action') : undefined;
  const verdict = action === 'ACCEPT' ? 'allowed' : action === 'REJECT' ? 'denied' : undefined;
  const fields = withoutEmpty({
    event: {
      category: ['network'],
      action: verdict,
      outcome: verdict === undefined ? undefined : verdict === 'allowed' ? 'success' : 'failure',
      type: verdict === undefined ? undefined : ['connection', verdict],
      start: isoFromEpochSeconds(record.get('start')),
      end: isoFromEpochSeconds(record.get('end')),
    },
    ...(hasTraffic ? trafficFields(record) : {}),
    cloud: { region: record.get('region'), instance: { id: record.get('instance-id') } },
  });
  return { ...fields, aws: { vpcflow } };
}

function trafficFields(record: ReadonlyMap<string, string>): FieldTree {
  const source = record.get('srcaddr');
  const destination = record.get('dstaddr');
  const protocol = numberOf(record.get('protocol'));
  const direction = record.get('flow-direction');
  return {
    source: { ip: source, port: numberOf(record.get('srcport')) },
    destination: { ip: destination, port: numberOf(record.get('dstport')) },
    network: {
      iana_number: protocol === undefined ? undefined : String(protocol),
      transport: protocol === undefined ? undefined : transportOf(protocol),
      packets: numberOf(record.get('packets')),
      bytes: numberOf(record.get('bytes')),
      type: networkType(record.get('type'), source),
      direction: direction === 'ingress' || direction === 'egress' ? direction : undefined,
    },
    related: { ip: distinctStrings([source, destination, record.get('pkt-srcaddr'), record.get('pkt-dstaddr')]) },
  };
}

/** `type` is IPv4, IPv6 or EFA (v3); without it, the family of the source address. */
function networkType(type: string | undefined, source: string | undefined): string | undefined {
  if (type === 'IPv4' || type === 'IPv6') return type.toLowerCase();
  const family = source === undefined ? 0 : isIP(source);
  return family === 0 ? undefined : `ipv${family}`;
}

function numberOf(value: string | undefined): number | undefined {
  return value === undefined ? undefined : integerOf(value);
}
