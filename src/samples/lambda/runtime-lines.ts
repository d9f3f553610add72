import { isoMillis } from '../sample-time';
import type { AppLine, LineRenderer } from './invocation-plan';

/*
 * How the managed runtimes write application lines, through the telemetry descriptor that
 * Lambda gives them (A4, A5, A6; Node RIC LogPatch.js, Python RIC bootstrap.py): newlines inside
 * a message are kept, and each call is one CloudWatch event.
 */

export type NodeLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';
export type PythonLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';

/** `console.*` in the text format: `<ISO time>\t<request id>\t<LEVEL>\t<util.format>\n`; the id is the literal `undefined` during init. */
export function nodeText(level: NodeLevel, text: string): LineRenderer {
  return (time, requestId) => `${isoMillis(time)}\t${String(requestId)}\t${level}\t${text}\n`;
}

/** The Node error shape of Errors.js toFormatted: `{errorType, errorMessage, stack: [lines]}`. */
export interface NodeError {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly stack: readonly string[];
}

/** An unhandled handler error: `ERROR\tInvoke Error \t{…}` (A4). */
export function nodeInvokeError(error: NodeError): LineRenderer {
  return nodeText('ERROR', `Invoke Error \t${JSON.stringify(error)}`);
}

/** An error while loading the module: `ERROR\tUncaught Exception \t{…}` with request id `undefined`. */
export function nodeUncaughtException(error: NodeError): LineRenderer {
  return nodeText('ERROR', `Uncaught Exception \t${JSON.stringify(error)}`);
}

/**
 * `console.*` in the JSON format (A6): `{timestamp, level, requestId, message}`, no trailing
 * newline; JSON.stringify drops the request id outside an invocation. A single object argument
 * becomes the message itself.
 */
export function nodeJson(level: NodeLevel, message: string | Readonly<Record<string, unknown>>): LineRenderer {
  return (time, requestId) => JSON.stringify({ timestamp: isoMillis(time), level, requestId, message });
}

/** `logging` through the runtime's handler: `[LEVEL]\t<ISO time>\t<request id>\t<message>\n`, id empty during init. */
export function pythonLog(level: PythonLevel, text: string): LineRenderer {
  return (time, requestId) => `[${level}]\t${isoMillis(time)}\t${requestId ?? ''}\t${text}\n`;
}

/** `print()`, `process.stdout.write`, stderr: the text as written, no prefix. */
export function rawLine(text: string): LineRenderer {
  return () => `${text}\n`;
}

/** A Python traceback frame: where, and the source line (and, from 3.11 on, the caret line). */
export interface PythonFrame {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly code: string;
  readonly carets?: string;
}

// Python RIC lambda_literals.py: logged as is (no level prefix) before an unhandled exception.
const UNHANDLED_WARNING =
  'LAMBDA_WARNING: Unhandled exception. The most likely source of the exception is the customer function. Check the stack trace and logs for more information.';

/**
 * An unhandled exception in a Python handler (RIC bootstrap.py handle_event_request, log_error):
 * the LAMBDA_WARNING line, then `[ERROR] Type: message` and the traceback in one event, its
 * lines joined with "\n", leading spaces turned into no-break spaces, no trailing newline.
 */
export function pythonUnhandledException(atMs: number, type: string, message: string, frames: readonly PythonFrame[]): AppLine[] {
  const lines = [`[ERROR] ${type}: ${message}`, 'Traceback (most recent call last):'];
  for (const frame of frames) {
    lines.push(`  File "${frame.file}", line ${frame.line}, in ${frame.name}`, `    ${frame.code}`);
    if (frame.carets !== undefined) lines.push(`    ${frame.carets}`);
  }
  const text = lines.map((line) => line.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length))).join('\n');
  return [
    { atMs, render: () => UNHANDLED_WARNING },
    { atMs, render: () => text, incident: 'unhandled-error' },
  ];
}
