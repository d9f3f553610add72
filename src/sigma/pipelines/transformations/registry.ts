import type { DocPath, ProblemCollector } from '../../problems';
import type { TransformationItem, TransformationType } from '../../../schemas/sigma-pipeline';
import type { Transformation } from '../processing-pipeline';
import { addCondition } from './add-condition';
import { changeLogsource } from './change-logsource';
import { dropDetectionItem } from './drop-detection-item';
import { detectionItemFailure, ruleFailure } from './failures';
import { fieldNameMapping, fieldNamePrefix, fieldNamePrefixMapping, fieldNameSuffix } from './field-name-transformations';
import { valuePlaceholders } from './value-placeholders';

type ItemOf<K extends TransformationType> = Extract<TransformationItem, { type: K }>;

interface TransformationDefinition<K extends TransformationType> {
  /** `rule` transformations act on the whole rule, so field-name and detection-item conditions cannot gate them. */
  readonly scope: 'rule' | 'detection-item';
  /** Checks the item's parameters (reporting against the pipeline file) and builds the transformation. */
  build(item: ItemOf<K>, path: DocPath, problems: ProblemCollector): Transformation | undefined;
}

type Registry = { readonly [K in TransformationType]: TransformationDefinition<K> };

/** Every supported transformation type, by its pySigma name. */
export const TRANSFORMATIONS: Registry = {
  field_name_mapping: { scope: 'detection-item', build: fieldNameMapping },
  field_name_prefix_mapping: { scope: 'detection-item', build: fieldNamePrefixMapping },
  field_name_prefix: { scope: 'detection-item', build: fieldNamePrefix },
  field_name_suffix: { scope: 'detection-item', build: fieldNameSuffix },
  drop_detection_item: { scope: 'detection-item', build: () => dropDetectionItem },
  detection_item_failure: { scope: 'detection-item', build: detectionItemFailure },
  add_condition: { scope: 'rule', build: addCondition },
  change_logsource: { scope: 'rule', build: changeLogsource },
  value_placeholders: { scope: 'rule', build: valuePlaceholders },
  rule_failure: { scope: 'rule', build: ruleFailure },
};

export function transformationDefinition<K extends TransformationType>(type: K): TransformationDefinition<K> {
  return TRANSFORMATIONS[type];
}
