/**
 * ECS `network.transport` names for the IANA protocol numbers seen in flow logs
 * (https://www.iana.org/assignments/protocol-numbers, keywords lower-cased as ECS uses them).
 */
const TRANSPORTS: ReadonlyMap<number, string> = new Map([
  [1, 'icmp'],
  [2, 'igmp'],
  [4, 'ipv4'],
  [6, 'tcp'],
  [17, 'udp'],
  [41, 'ipv6'],
  [47, 'gre'],
  [50, 'esp'],
  [51, 'ah'],
  [58, 'ipv6-icmp'],
  [89, 'ospf'],
  [132, 'sctp'],
]);

export function transportOf(protocol: number): string | undefined {
  return TRANSPORTS.get(protocol);
}
