#!/usr/bin/env bash
# Packages serverless.yml offline and runs checkov (from PyPI, in a venv under .cache/, which git
# ignores) over the compiled CloudFormation template. Fails on any failed check; the checks that do
# not apply are skipped in the template itself (Metadata checkov: skip, each with its reason).
# checkov's CloudFormation checks miss AWS::OpenSearchService::Domain: test/deploy covers it.
# Needs `npm ci` (or `npm install`) first, which also builds dist/.
set -euo pipefail
cd "$(dirname "$0")/../.."

CHECKOV_VERSION=3.3.30
VENV=.cache/checkov-venv
OUT=.cache/checkov-package

if ! "$VENV/bin/checkov" --version 2>/dev/null | grep -qx "$CHECKOV_VERSION"; then
  echo "installing checkov $CHECKOV_VERSION into $VENV"
  if ! command -v python3 >/dev/null; then
    echo "checkov needs python3 (3.9 or newer) with venv and pip; none was found" >&2
    exit 1
  fi
  if ! python3 -m venv "$VENV" >"$VENV.log" 2>&1 || ! "$VENV/bin/pip" install --quiet "checkov==$CHECKOV_VERSION" >>"$VENV.log" 2>&1; then
    echo "could not install checkov $CHECKOV_VERSION from PyPI into $VENV (python3 -m venv, then pip install); its output:" >&2
    tail -n 30 "$VENV.log" >&2
    exit 1
  fi
fi

echo "packaging serverless.yml into $OUT (offline, placeholder credentials)"
rm -rf "$OUT"
AWS_ACCESS_KEY_ID=AKIAPLACEHOLDER00000 AWS_SECRET_ACCESS_KEY=placeholder-secret-access-key AWS_PROFILE= \
  SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off SLS_INTERACTIVE_SETUP_DISABLE=1 \
  npx serverless package --stage ci --region us-east-1 --package "$OUT" \
  --param "logGroups=/aws/lambda/example-api,aws-cloudtrail-logs-example"

echo "checkov $CHECKOV_VERSION over $OUT/cloudformation-template-update-stack.json"
"$VENV/bin/checkov" --file "$OUT/cloudformation-template-update-stack.json" --framework cloudformation \
  --skip-download --compact --quiet --output cli
# --quiet prints failures only: restate the counts, including the skipped checks and why.
"$VENV/bin/checkov" --file "$OUT/cloudformation-template-update-stack.json" --framework cloudformation \
  --skip-download --output json > "$OUT/checkov.json" || true
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const s = r.summary;
console.log(`checkov: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
let unexplained = 0;
for (const c of r.results.skipped_checks) {
  const why = (c.check_result.suppress_comment ?? "").trim();
  if (why === "") unexplained++;
  console.log(`  skipped ${c.check_id} on ${c.resource}: ${why || "(no reason given)"}`);
}
if (s.failed > 0 || unexplained > 0) { console.error(`checkov: ${s.failed} failed check(s), ${unexplained} skip(s) without a reason`); process.exit(1); }
' "$OUT/checkov.json"
