import { boundedDocumentId } from './index-names';

interface OperationTarget {
  readonly index: string;
  /** Deterministic id (DESIGN: every write is idempotent); longer than 512 bytes it is hashed (checklist 21). */
  readonly id: string;
}

/** Optimistic concurrency: the write applies only if the document is still at this version. */
export interface IfMatch {
  readonly seqNo: number;
  readonly primaryTerm: number;
}

/** `create` fails (409, counted as already present) when the id exists; `index` overwrites. */
export interface CreateOrIndexOperation extends OperationTarget {
  readonly action: 'create' | 'index';
  readonly document: Readonly<Record<string, unknown>>;
  readonly ifMatch?: IfMatch;
}

/** A partial update: `document` is merged into the stored one; `upsert` is stored if there is none. */
export interface UpdateOperation extends OperationTarget {
  readonly action: 'update';
  readonly document: Readonly<Record<string, unknown>>;
  readonly upsert?: Readonly<Record<string, unknown>>;
  readonly ifMatch?: IfMatch;
}

export type BulkOperation = CreateOrIndexOperation | UpdateOperation;

/** Why an operation was not written. `status` is absent when no HTTP answer came (connection, timeout). */
export interface BulkFailure {
  readonly operation: BulkOperation;
  readonly status?: number;
  readonly type: string;
  readonly reason: string;
  /** `item`: OpenSearch answered for this document; `request`: the whole bulk request failed; `local`: never sent. */
  readonly scope: 'item' | 'request' | 'local';
  readonly attempts: number;
}

export type EncodedOperation =
  | { readonly ok: true; readonly ndjson: string; readonly bytes: number }
  | { readonly ok: false; readonly status: number; readonly type: string; readonly reason: string };

/** The action and source lines of one operation (B5: NDJSON, each line newline-terminated). */
export function encodeOperation(operation: BulkOperation, maxBytes: number): EncodedOperation {
  if (operation.id === '') return { ok: false, status: 400, type: 'invalid_id', reason: 'document id is empty' };
  const meta: Record<string, unknown> = { _index: operation.index, _id: boundedDocumentId(operation.id) };
  if (operation.ifMatch !== undefined) {
    meta['if_seq_no'] = operation.ifMatch.seqNo;
    meta['if_primary_term'] = operation.ifMatch.primaryTerm;
  }
  const source = operation.action === 'update' ? { doc: operation.document, ...(operation.upsert === undefined ? {} : { upsert: operation.upsert }) } : operation.document;
  let ndjson: string;
  try {
    ndjson = `${JSON.stringify({ [operation.action]: meta })}\n${JSON.stringify(source)}\n`;
  } catch (error) {
    // BigInt values and cycles cannot be sent; retrying would not help.
    return { ok: false, status: 400, type: 'serialization_error', reason: error instanceof Error ? error.message : String(error) };
  }
  const bytes = Buffer.byteLength(ndjson, 'utf8');
  if (bytes > maxBytes) {
    // Never sendable within the budget: reported now rather than retried until the deadline.
    return { ok: false, status: 413, type: 'document_too_large', reason: `operation is ${bytes} bytes, over the ${maxBytes}-byte bulk request budget` };
  }
  return { ok: true, ndjson, bytes };
}

/** Groups items in order into bodies of at most `maxBytes` (an item over the budget gets a body of its own). */
export function packBodies<T extends { readonly bytes: number }>(items: readonly T[], maxBytes: number): T[][] {
  const bodies: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    if (current.length > 0 && size + item.bytes > maxBytes) {
      bodies.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.bytes;
  }
  if (current.length > 0) bodies.push(current);
  return bodies;
}
