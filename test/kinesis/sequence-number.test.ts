import { compareSequenceNumbers, isSequenceNumber } from '../../src/kinesis/sequence-number';

describe('kinesis: sequence numbers (A2, checklist 16)', () => {
  const lower = '49657411223344556677889900112233445566778899001122';
  const higher = '49657411223344556677889900112233445566778899001123';

  it('orders two sequence numbers that differ only past the 16th digit', () => {
    expect(Number(lower)).toBe(Number(higher)); // what a JavaScript number comparison would see
    expect(compareSequenceNumbers(lower, higher)).toBe(-1);
    expect(compareSequenceNumbers(higher, lower)).toBe(1);
    expect(compareSequenceNumbers(lower, lower)).toBe(0);
  });

  it('orders by value, not by string, when lengths differ', () => {
    expect(compareSequenceNumbers('9', '10')).toBe(-1);
    expect(compareSequenceNumbers('12345678901234567', '12345678901234568')).toBe(-1);
  });

  it('sorts a list of sequence numbers', () => {
    const sorted = [higher, '5', lower].sort(compareSequenceNumbers);
    expect(sorted).toEqual(['5', lower, higher]);
  });

  it('rejects values that are not decimal sequence numbers', () => {
    expect(isSequenceNumber('')).toBe(false);
    expect(isSequenceNumber('12a')).toBe(false);
    expect(isSequenceNumber('-1')).toBe(false);
    expect(() => compareSequenceNumbers('1e5', '1')).toThrow(RangeError);
  });
});
