import { Transport, errors } from '@opensearch-project/opensearch';
import type { ApiError, ApiResponse } from '@opensearch-project/opensearch';
// Type-only: the package exports these request types from its Transport module, not its root.
import type { TransportRequestCallback, TransportRequestOptions, TransportRequestParams, TransportRequestPromise } from '@opensearch-project/opensearch/lib/Transport.js';
import type { BasicCredentials } from './stored-credentials';

/**
 * A Transport that adds basic-auth credentials read asynchronously (from Secrets Manager or SSM)
 * to every request, the way the SigV4 signer's Transport fetches role credentials before one:
 * the client can be built at cold start although the password arrives only at first use.
 */
export function storedBasicTransport(getCredentials: () => Promise<BasicCredentials>): typeof Transport {
  return class StoredBasicTransport extends Transport {
    override request(params: TransportRequestParams, options?: TransportRequestOptions): TransportRequestPromise<ApiResponse>;
    override request(params: TransportRequestParams, options?: TransportRequestOptions, callback?: (err: ApiError, result: ApiResponse) => void): TransportRequestCallback;
    override request(
      params: TransportRequestParams,
      options: TransportRequestOptions = {},
      callback?: (err: ApiError, result: ApiResponse) => void,
    ): TransportRequestPromise<ApiResponse> | TransportRequestCallback {
      let aborted = false;
      let inner: { abort(): void } | undefined;
      const response = getCredentials().then((credentials) => {
        if (aborted) throw new errors.RequestAbortedError('Request aborted', undefined);
        const headers = { ...options.headers, authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` };
        const request = super.request(params, { ...options, headers });
        inner = request;
        return request;
      });
      const abort = (): void => {
        aborted = true;
        inner?.abort();
      };
      if (callback !== undefined) {
        response.then(
          // The runtime passes null on success; the declared callback type has no null.
          (result) => callback(null as unknown as ApiError, result),
          (err: unknown) => callback(err as ApiError, (err as { meta?: ApiResponse }).meta ?? ({} as ApiResponse)),
        );
        return { abort };
      }
      return Object.assign(response, { abort });
    }
  };
}
