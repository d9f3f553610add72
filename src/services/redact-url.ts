/** The URL with any password replaced, for messages and logs. */
export function redactUrl(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    if (url.password === '') return endpoint;
    url.password = '***';
    return url.toString();
  } catch {
    return endpoint;
  }
}
