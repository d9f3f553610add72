/** The Sigma engine: load and validate rules, compile them once, evaluate events. */
export type { CompiledRule, FieldUse } from './compile/compiled-rule';
export type { Logsource } from './rule/parsed-rule';
export type { RuleMatch, RuleSetStats } from './engine/rule-set';
export { RuleSet } from './engine/rule-set';
export type { LoadOptions, RuleCollection, RuleSource } from './load/load-rules';
export { compileRuleSources, loadRules } from './load/load-rules';
export { collectRuleFiles, isRuleTestFile } from './load/collect-rule-files';
export type { ParsedCorrelation, ParsedFilter } from './load/parsed-documents';
export type { ProcessingPipeline } from './pipelines';
export { loadPipelineFile, parsePipeline } from './pipelines';
export type { RuleProblem } from './problems';
export { formatProblem, SigmaRuleError } from './problems';
