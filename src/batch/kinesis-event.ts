import { KinesisDataStreamRecord, KinesisDataStreamRecordPayload, KinesisDataStreamSchema } from '@aws-lambda-powertools/parser/schemas/kinesis';
import { z } from 'zod';

/**
 * The Kinesis event Lambda's event source mapping delivers (Powertools' schema). Powertools
 * decodes `data` in a transform that also gunzips without a size cap; here `data` stays base64
 * text and each stage decodes it under its own limits.
 */
export const kinesisEventSchema = KinesisDataStreamSchema.extend({
  Records: z.array(
    KinesisDataStreamRecord.extend({
      kinesis: KinesisDataStreamRecordPayload.extend({ data: z.string() }),
    }),
  ),
});

export type KinesisEvent = z.infer<typeof kinesisEventSchema>;
export type KinesisEventRecord = KinesisEvent['Records'][number];

/** Lambda's partial batch response (ReportBatchItemFailures). */
export interface BatchResponse {
  readonly batchItemFailures: { readonly itemIdentifier: string }[];
}
