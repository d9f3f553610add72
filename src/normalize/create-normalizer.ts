import { createSourceClassifier } from './classify-source';
import type { NormalizeConfig } from './config';
import { DEFAULT_NORMALIZE_CONFIG } from './config';
import type { Normalizer } from './normalize-record';
import { APIGATEWAY_PARSERS } from './parsers/apigateway';
import { APPLICATION_PARSERS } from './parsers/application';
import { CLOUDTRAIL_PARSERS } from './parsers/cloudtrail';
import { LAMBDA_PARSERS } from './parsers/lambda';
import { VPCFLOW_PARSERS } from './parsers/vpcflow';

/** The normalizer with every parser, for a configuration (built once per Lambda environment). */
export function createNormalizer(config: NormalizeConfig = DEFAULT_NORMALIZE_CONFIG): Normalizer {
  return {
    config,
    classifier: createSourceClassifier(config),
    parsers: {
      lambda: LAMBDA_PARSERS,
      cloudtrail: CLOUDTRAIL_PARSERS,
      vpcflow: VPCFLOW_PARSERS,
      apigateway: APIGATEWAY_PARSERS,
      application: APPLICATION_PARSERS,
    },
  };
}
