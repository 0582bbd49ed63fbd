#!/usr/bin/env bash
# End-to-end: `dateline ingest` the bundled samples/ into a temporary
# database, start `dateline serve` on a free port, call every endpoint with
# curl, send the probes (SQL injection in every filter, path traversal, a
# 10 MB query string, a script tag, other methods, ingest writing while the
# server reads) and check after each that the server still answers; then stop
# it with SIGTERM. Also: a taken port (exit 1) and a missing database (exit 2).
#   src/serve/serve_cli_test.sh BUILD/cli/dateline REPO_ROOT
# The gazetteer is found as usual (build folder or $DATELINE_GAZETTEER);
# without it events are placed by country only, which these checks allow.
set -u
DATELINE=${1:?usage: serve_cli_test.sh DATELINE REPO_ROOT}
ROOT=${2:?usage: serve_cli_test.sh DATELINE REPO_ROOT}
command -v curl >/dev/null || { echo "serve_cli_test: curl is missing (tools/install-deps.sh installs it)"; exit 1; }

tmp=$(mktemp -d)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$DATELINE" ingest "$ROOT/samples" --db "$tmp/s.db" >"$tmp/ingest.out" 2>"$tmp/ingest.err" ||
  { cat "$tmp/ingest.err"; echo "FAIL: ingest of samples/"; exit 1; }
mkdir "$tmp/web"
printf '<!doctype html><title>dateline test page</title>\n' >"$tmp/web/index.html"
printf 'console.log(1);\n' >"$tmp/web/app.js"
printf 'outside the web folder\n' >"$tmp/secret.txt"
ln -s "$tmp/secret.txt" "$tmp/web/escape.txt"

"$DATELINE" serve --db "$tmp/s.db" --port 0 --web "$tmp/web" --threads 8 >"$tmp/serve.out" 2>"$tmp/serve.err" &
pid=$!
base=""
for _ in $(seq 100); do
  base=$(sed -n 's|^dateline: serving .* at \(http://127\.0\.0\.1:[0-9]*\)/$|\1|p' "$tmp/serve.out")
  [ -n "$base" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$base" ] || { cat "$tmp/serve.out" "$tmp/serve.err"; echo "FAIL: serve did not print its address"; exit 1; }
grep -q "^dateline: serving $tmp/s.db at $base/\$" "$tmp/serve.out" || fail "start line: $(cat "$tmp/serve.out")"

# get NAME EXPECTED_STATUS PATH [curl args...]: body in $tmp/body, headers in $tmp/headers.
get() {
  local name=$1 want=$2 path=$3
  shift 3
  local got
  got=$(curl -s --path-as-is -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' --max-time 20 "$@" "$base$path")
  [[ " $want " == *" $got "* ]] || fail "$name: status $got, want $want ($(head -c 200 "$tmp/body"))"
}
# Still serving: /api/stats answers 200 with JSON.
alive() {
  local got
  got=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base/api/stats")
  [ "$got" = 200 ] || fail "server not answering after: $1 (status $got)"
}
json() {  # json PYTHON_EXPR_ON_j: prints the value for the body in $tmp/body
  python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($1)" "$tmp/body"
}
header() { grep -i "^$1:" "$tmp/headers" | head -1 | cut -d' ' -f2- | tr -d '\r'; }

# The endpoints.
get "events" 200 "/api/events"
n=$(json 'len(j["events"])')
[ "$n" -gt 0 ] || fail "no events from the samples"
[ "$(header Content-Type)" = "application/json" ] || fail "events content type: $(header Content-Type)"
[ "$(header X-Content-Type-Options)" = "nosniff" ] || fail "no nosniff header"
[ "$(header X-Frame-Options)" = "DENY" ] || fail "no X-Frame-Options"
header Content-Security-Policy | grep -q "script-src 'self'" || fail "no CSP"
id=$(json 'j["events"][0]["id"]')
article=$(json 'j["events"][0]["article"]')
json 'all(k in j["events"][0] for k in ["uid","num_mentions","num_sources","num_articles","first_seen","last_seen","url","source_name","evidence","plover","location"])' |
  grep -q True || fail "event record lacks fields"
get "paged" 200 "/api/events?limit=1"
[ "$(json 'len(j["events"])')" = 1 ] || fail "limit=1"
if [ "$n" -gt 1 ]; then
  cursor=$(json 'j["next_cursor"]')
  get "next page" 200 "/api/events?limit=1&cursor=$cursor"
  [ "$(json 'j["events"][0]["id"]')" != "$id" ] || fail "the cursor gave the same event again"
fi
get "event detail" 200 "/api/events/$id"
[ "$(json 'j["event"]["id"]')" = "$id" ] || fail "event detail id"
[ "$(json 'len(j["mentions"]) > 0')" = True ] || fail "event detail has no mentions"
enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$article")
get "article" 200 "/api/articles/$enc"
[ "$(json 'j["id"]')" = "$article" ] || fail "article id"
get "stats" 200 "/api/stats"
[ "$(json 'j["events"]')" = "$n" ] || [ "$n" = 100 ] || fail "stats events $(json 'j["events"]') vs $n listed"
get "stats filtered" 200 "/api/stats?country=KE"
for f in jsonl csv gdelt acled plover; do
  get "export $f" 200 "/api/export?format=$f"
  header Transfer-Encoding | grep -q chunked || fail "export $f is not chunked"
  header Content-Disposition | grep -q 'attachment; filename="dateline-events\.' || fail "export $f disposition"
  [ -s "$tmp/body" ] || fail "export $f is empty"
done
get "page" 200 "/"
grep -q "dateline test page" "$tmp/body" || fail "/ is not index.html"
[ "$(header Content-Type)" = "text/html; charset=utf-8" ] || fail "/ content type"
get "script file" 200 "/app.js"
[ "$(header Content-Type)" = "text/javascript; charset=utf-8" ] || fail "js content type"
get "unknown file" 404 "/nothing.css"
get "unknown api" 404 "/api/nothing"
get "unknown event" 404 "/api/events/987654321"
get "bad date" 400 "/api/events?from=2025-02-30"
json 'j["error"]' | grep -q '^from' || fail "the 400 does not name from"
get "bad bbox" 400 "/api/events?bbox=1,2,3"
get "limit out of range" 400 "/api/events?limit=5000"
get "bad min_killed" 400 "/api/events?min_killed=lots"
get "bad format" 400 "/api/export?format=xml"

# Probes: SQL injection in every filter, each answered 200 or 400, server alive after.
for filter in country type from to near actor text min_killed bbox limit cursor; do
  for attack in "' OR 1=1 --" "'; DROP TABLE events; --" '" OR ""="' "1); DELETE FROM mentions; --" \
                "%' OR '1'='1" "' UNION SELECT sql FROM sqlite_master --"; do
    get "injection $filter" "200 400" "/api/events" -G --data-urlencode "$filter=$attack"
    if grep -q '"events"' "$tmp/body"; then  # a 200: nothing matches these strings
      grep -q '^{"events":\[\],' "$tmp/body" || fail "injection in $filter returned events: $attack"
    fi
  done
  alive "injection in $filter"
done
get "after injection" 200 "/api/stats"
[ "$(json 'j["events"]')" -gt 0 ] || fail "events gone after the injection probes"
"$DATELINE" stats --db "$tmp/s.db" >/dev/null || fail "the database is unreadable after the probes"

# Path traversal, raw and encoded, and a symlink out of the folder.
for path in "/../secret.txt" "/../../../../etc/passwd" "/%2e%2e/secret.txt" "/%2e%2e/%2e%2e/%2e%2e/etc/passwd" \
            "/..%2fsecret.txt" "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd" "//etc/passwd" "/escape.txt" "/..%5csecret.txt" \
            "/web/../secret.txt" "/.%2e/secret.txt" "/%00../secret.txt"; do
  get "traversal $path" "400 404" "$path"
  if grep -q -e "outside the web folder" -e "root:" "$tmp/body"; then fail "traversal $path leaked a file"; fi
  alive "traversal $path"
done

# Long query strings. curl builds URLs of up to about 2 MB: a 1 MB one is
# refused with 414; a 10 MB request line goes out raw through curl's telnet://
# and is refused too (or the connection closed), never a hang or a crash.
head -c 1000000 /dev/zero | tr '\0' a >"$tmp/1mb"
get "1 MB query string" 414 "/api/events" -G --data-urlencode "text@$tmp/1mb"
alive "a 1 MB query string"
{
  printf 'GET /api/events?text='
  head -c $((10 * 1024 * 1024)) /dev/zero | tr '\0' a
  printf ' HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'
} >"$tmp/10mb.http"
curl -s --max-time 60 "telnet://${base#http://}" <"$tmp/10mb.http" >"$tmp/10mb.reply" 2>/dev/null
status=$(head -1 "$tmp/10mb.reply" | cut -d' ' -f2)
case "$status" in 414 | 400 | "") ;; *) fail "10 MB query string: status $status" ;; esac
alive "a 10 MB query string"

# A script tag: in a query it finds nothing and is not echoed raw; in stored
# text it comes back JSON-escaped.
get "script in query" "200" "/api/events" -G --data-urlencode "text=<script>alert(1)</script>" \
  --data-urlencode "actor=<img src=x onerror=alert(1)>"
grep -q "<script>" "$tmp/body" && fail "a script tag came back raw from a query"
get "script in a bad parameter" "400" "/api/events" -G --data-urlencode "country=<script>"
grep -q "<script>" "$tmp/body" && fail "a script tag came back raw in an error"
alive "script tags"

# Other methods.
get "POST" 405 "/api/events" -X POST -d 'x=1'
get "DELETE" 405 "/api/events/1" -X DELETE
alive "other methods"

# Ingest writes the same file while the server reads it (WAL): the server
# keeps answering, and the new article is served once ingest has committed.
printf '%s\n' '{"id":"probe-script","url":"https://probe.example/script","title":"Probe <script>alert(1)</script>","date":"2025-01-02","text":"NAIROBI, Kenya — Police fired tear gas at hundreds of traders protesting in Nairobi on Thursday <script>alert(1)</script>, witnesses said."}' >"$tmp/probe.jsonl"
"$DATELINE" ingest "$tmp/probe.jsonl" --db "$tmp/s.db" >/dev/null 2>"$tmp/ingest2.err" &
ingest_pid=$!
while kill -0 "$ingest_pid" 2>/dev/null; do
  get "read during ingest" 200 "/api/events?limit=5"
done
wait "$ingest_pid" || fail "ingest while serving: $(cat "$tmp/ingest2.err")"
get "article added while serving" 200 "/api/articles/probe-script"
grep -q "<script>" "$tmp/body" && fail "a script tag in stored text came back raw"
grep -q 'u003cscript\\u003e' "$tmp/body" || fail "the stored script tag is not escaped"
[ "$(json '"<script>alert(1)</script>" in j["text"]')" = True ] || fail "the stored text changed"

# SIGTERM stops it cleanly.
kill -TERM "$pid"
for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
  fail "serve did not stop on SIGTERM"
else
  wait "$pid"
  rc=$?
  [ "$rc" = 0 ] || fail "serve exit status $rc after SIGTERM"
fi
pid=""

# A taken port: exit 1, one line. A missing database: exit 2, one line.
port=${base##*:}
"$DATELINE" serve --db "$tmp/s.db" --port 0 >"$tmp/a.out" 2>"$tmp/a.err" &
pid=$!
for _ in $(seq 100); do grep -q serving "$tmp/a.out" && break; sleep 0.1; done
port=$(sed -n 's|.*:\([0-9]*\)/$|\1|p' "$tmp/a.out")
"$DATELINE" serve --db "$tmp/s.db" --port "$port" >"$tmp/b.out" 2>"$tmp/b.err"
rc=$?
[ "$rc" = 1 ] || fail "taken port: exit $rc, want 1"
[ "$(wc -l <"$tmp/b.err")" = 1 ] && grep -q "in use" "$tmp/b.err" || fail "taken port message: $(cat "$tmp/b.err")"
kill -INT "$pid"
wait "$pid" || fail "serve exit status $? after SIGINT"
pid=""
"$DATELINE" serve --db "$tmp/none.db" --port 0 >"$tmp/c.out" 2>"$tmp/c.err"
rc=$?
[ "$rc" = 2 ] || fail "missing database: exit $rc, want 2"
[ "$(wc -l <"$tmp/c.err")" = 1 ] || fail "missing database message: $(cat "$tmp/c.err")"
[ -e "$tmp/none.db" ] && fail "serve created the missing database"

if [ "$failures" -gt 0 ]; then
  echo "serve_cli_test: $failures failure(s)"
  exit 1
fi
echo "serve_cli_test: ok"
