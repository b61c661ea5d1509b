#!/usr/bin/env bash
# Server time of the console's pages against `./vigil up` (demo stack on localhost): each page once to
# warm up, then five times; prints the median per page with each role's bearer token, and one RESULT
# line. Usage: tools/page-times.sh [rule-id]   (a rule with findings, for the rule pages; default: the
# rule of the newest finding)
set -euo pipefail
KC=http://localhost:8180/realms/vigil/protocol/openid-connect/token
VIGIL=http://localhost:8080
token() {
  curl -s -d grant_type=password -d client_id=vigil -d client_secret=vigil-dev-secret-do-not-use-in-production \
    -d username="$1" -d password="$1-demo" "$KC" | python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])'
}
declare -A TOKENS
for user in analyst manager admin engineer; do TOKENS[$user]=$(token $user); done
RULE=${1:-$(curl -s -H "Authorization: Bearer ${TOKENS[analyst]}" "$VIGIL/api/findings?limit=1" \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)[0]["ruleId"])')}
worst=0
measure() {
  local user=$1 path=$2 auth="Authorization: Bearer ${TOKENS[$1]}"
  curl -s -o /dev/null -H "$auth" "$VIGIL$path"
  local median code ms
  median=$(for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' -H "$auth" "$VIGIL$path"; done | sort -n | sed -n 3p)
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$VIGIL$path")
  ms=$(python3 -c "print(round($median * 1000))")
  [ "$ms" -gt "$worst" ] && worst=$ms
  printf '%-9s %3s %5s ms  %s\n' "$user" "$code" "$ms" "$path"
}
measure analyst "/"
measure analyst "/alerts/findings/newest"
measure analyst "/search/saved/panel"
measure manager "/"
measure manager "/posture/summary"
measure admin "/admin/sources/activity"
measure admin "/admin/dependencies"
measure admin "/admin/dead-letters"
measure analyst "/search?q=*&from=now-24h&to=now"
measure analyst "/search?q=source.ip:203.0.113.66&from=now-7d&to=now"
measure analyst "/alerts/findings"
measure analyst "/alerts/findings?group=source.ip"
measure engineer "/rules"
measure engineer "/rules?state=enabled&data=no"
measure engineer "/rules?logsource=windows&page=10"
measure engineer "/rules/$RULE"
measure engineer "/rules/$RULE/diff"
measure analyst "/search?q=vigil.rule:%22$RULE%22&from=now-7d&to=now"
echo "RESULT pages=18 worst_ms=$worst"
