import type { AlertDocument } from './alert-notice';
import type { Level, ResponsesConfig, Route, RouteMatch } from './config/responses-config';
import { LEVELS } from './config/responses-config';

/** The enabled routes that take this alert, in file order. */
export function selectRoutes(alert: AlertDocument, config: ResponsesConfig, only?: string): Route[] {
  return config.routes.filter((route) => route.enabled && (only === undefined || route.name === only) && matchesRoute(alert, route.match));
}

export function matchesRoute(alert: AlertDocument, match: RouteMatch): boolean {
  const level = alert.rule.level;
  if (match.rules !== undefined && !match.rules.includes(alert.rule.id)) return false;
  if (match.tags !== undefined && !match.tags.some((wanted) => alert.rule.tags.some((tag) => hasTag(tag, wanted)))) return false;
  if (match.levels !== undefined && (level === undefined || !(match.levels as readonly string[]).includes(level))) return false;
  if (match.minLevel !== undefined && rankOf(level) < rankOf(match.minLevel)) return false;
  if (match.logsources !== undefined && !(match.logsources as readonly string[]).includes(alert.logwarden?.source ?? '')) return false;
  return true;
}

/** Tags compare case-insensitively, and a tag takes its sub-techniques (`attack.t1078` → `attack.t1078.004`). */
function hasTag(tag: string, wanted: string): boolean {
  const a = tag.toLowerCase();
  const b = wanted.toLowerCase();
  return a === b || a.startsWith(`${b}.`);
}

function rankOf(level: string | undefined): number {
  return LEVELS.indexOf(level as Level);
}
