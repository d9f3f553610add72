import { encodeOperation, packBodies } from '../../src/opensearch/bulk-operation';

describe('bulk bodies: encoding operations', () => {
  it('writes an action line and a source line, each newline-terminated (B5)', () => {
    const encoded = encodeOperation({ action: 'create', index: 'i', id: 'a', document: { message: 'line\nbreak' } }, 1_000);
    expect(encoded).toEqual({ ok: true, ndjson: '{"create":{"_index":"i","_id":"a"}}\n{"message":"line\\nbreak"}\n', bytes: 62 });
  });

  it('counts bytes, not characters', () => {
    const encoded = encodeOperation({ action: 'index', index: 'i', id: 'a', document: { m: '€' } }, 1_000);
    expect(encoded.ok && encoded.bytes).toBe(Buffer.byteLength('{"index":{"_index":"i","_id":"a"}}\n{"m":"€"}\n'));
  });

  it.each([
    [{ action: 'create' as const, index: 'i', id: '', document: {} }, 'invalid_id'],
    [{ action: 'create' as const, index: 'i', id: 'a', document: { n: 1n } }, 'serialization_error'],
    [{ action: 'create' as const, index: 'i', id: 'a', document: { m: 'x'.repeat(200) } }, 'document_too_large'],
  ])('refuses what can never be sent: %#', (operation, type) => {
    expect(encodeOperation(operation, 100)).toMatchObject({ ok: false, type });
  });

  it('keeps a __proto__ key of a document as data', () => {
    const document = JSON.parse('{"json":{"__proto__":{"polluted":true}}}') as Record<string, unknown>;
    const encoded = encodeOperation({ action: 'create', index: 'i', id: 'a', document }, 1_000);
    expect(encoded.ok && encoded.ndjson).toContain('{"json":{"__proto__":{"polluted":true}}}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('bulk bodies: packing under a byte budget', () => {
  const items = (...sizes: number[]): { bytes: number }[] => sizes.map((bytes) => ({ bytes }));

  it('fills each body up to the budget, in order', () => {
    expect(packBodies(items(4, 4, 2, 5, 1), 10).map((b) => b.map((i) => i.bytes))).toEqual([[4, 4, 2], [5, 1]]);
  });

  it('puts an item larger than the budget in a body of its own', () => {
    expect(packBodies(items(3, 12, 3), 10).map((b) => b.map((i) => i.bytes))).toEqual([[3], [12], [3]]);
  });

  it('returns no bodies for no items', () => {
    expect(packBodies([], 10)).toEqual([]);
  });
});
