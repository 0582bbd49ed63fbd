#!/usr/bin/env bash
# End-to-end: `dateline extract` over good and bad inputs together.
#
# Usage: cli_bad_input_test.sh path/to/dateline
#
# Makes a temporary directory with good inputs (a text scrape, an HTML page,
# JSONL lines) and bad ones (an empty file, binary junk, a truncated .jsonl.gz,
# a .jsonl with a line that is not JSON, a 200 MB HTML page), runs
#   dateline extract <files> --format jsonl
# and checks what a user sees: exit status 1; each bad input named by exactly
# one stderr line; no good input named on stderr; one JSON line per good
# article on stdout, carrying its "source"; the huge page refused quickly.
# Relies only on exit codes, stderr lines naming inputs and the "source" field.
set -u

bin=${1:?usage: cli_bad_input_test.sh path/to/dateline}
tmp=$(mktemp -d /tmp/dateline-bad-input.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

paragraph="Security forces fired on protesters in the main square on Wednesday, \
officials said, and the government declared a state of emergency in the region. \
Witnesses said several hundred people had gathered outside the city hall before \
police moved in with tear gas and stun grenades."

# --- good inputs -----------------------------------------------------------
printf 'ALMATY, Kazakhstan — %s\n\n%s\n' "$paragraph" "$paragraph" > "$tmp/good.txt"
printf '<html><head><title>Unrest</title></head><body><article><p>%s</p><p>%s</p></article></body></html>\n' \
  "$paragraph" "$paragraph" > "$tmp/good.html"

# --- bad inputs ------------------------------------------------------------
: > "$tmp/empty.txt"
{ printf '\177ELF\002\001\001'; head -c 4000 /dev/zero; } > "$tmp/junk.txt"
# Three complete lines, then a long incompressible line that the cut loses.
{
  for n in 1 2 3; do printf '{"id":"cut-%s","text":"%s"}\n' "$n" "$paragraph"; done
  printf '{"id":"cut-4","text":"%s"}\n' "$(head -c 6000 /dev/urandom | base64 -w0)"
} | gzip -c > "$tmp/whole.jsonl.gz"
size=$(stat -c %s "$tmp/whole.jsonl.gz")
head -c $((size - 200)) "$tmp/whole.jsonl.gz" > "$tmp/cut.jsonl.gz"
rm "$tmp/whole.jsonl.gz"
{
  printf '{"id":"mixed-1","text":"%s"}\n' "$paragraph"
  printf 'this line is not JSON\n'
  printf '{"id":"mixed-3","html":"<p>%s</p>"}\n' "$paragraph"
} > "$tmp/mixed.jsonl"
# 200 MB of real HTML (not a sparse file), refused by its size.
{
  printf '<html><body>'
  yes '<p>All work and no play makes a very large page.</p>' | head -c 209715200
  printf '</body></html>\n'
} > "$tmp/big.html"

inputs=("$tmp/good.txt" "$tmp/empty.txt" "$tmp/junk.txt" "$tmp/big.html" "$tmp/cut.jsonl.gz"
        "$tmp/mixed.jsonl" "$tmp/good.html")
bad=("$tmp/empty.txt" "$tmp/junk.txt" "$tmp/big.html" "$tmp/cut.jsonl.gz" "$tmp/mixed.jsonl:2")
good=("$tmp/good.txt" "$tmp/cut.jsonl.gz:1" "$tmp/cut.jsonl.gz:2" "$tmp/cut.jsonl.gz:3"
      "$tmp/mixed.jsonl:1" "$tmp/mixed.jsonl:3" "$tmp/good.html")

start=$(date +%s%N)
"$bin" extract "${inputs[@]}" --format jsonl > "$tmp/out" 2> "$tmp/err"
status=$?
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
rm -f "$tmp/big.html"

[ "$status" -eq 1 ] || fail "exit status $status, expected 1"
[ "$elapsed_ms" -lt 10000 ] || fail "took ${elapsed_ms} ms; the 200 MB page should be refused quickly"

# Lines of $2 naming input $1 exactly (followed by ":" and a space, or ":N").
count_naming() {
  grep -c -F -e "$1: " "$2"
}
for b in "${bad[@]}"; do
  n=$(count_naming "$b" "$tmp/err")
  [ "$n" -eq 1 ] || fail "stderr names ${b#"$tmp/"} in $n lines, expected 1"
done
grep -F "$tmp/big.html: " "$tmp/err" | grep -q "larger than" ||
  fail "the big page's message does not say it is too large"
for g in "${good[@]}"; do
  if grep -q -F -e "$g: " "$tmp/err"; then fail "stderr names good input ${g#"$tmp/"}"; fi
  n=$(grep -c -E "\"source\": ?\"$(printf '%s' "$g" | sed 's/[.[\*^$]/\\&/g')\"" "$tmp/out")
  [ "$n" -eq 1 ] || fail "stdout has $n articles from ${g#"$tmp/"}, expected 1"
done
lines=$(grep -c . "$tmp/out")
[ "$lines" -eq "${#good[@]}" ] || fail "stdout has $lines lines, expected ${#good[@]}"

if [ "$failures" -ne 0 ]; then
  echo "--- stderr ---" >&2
  sed "s|$tmp/||g" "$tmp/err" >&2
  echo "--- stdout (sources) ---" >&2
  grep -o -E '"source": ?"[^"]*"' "$tmp/out" | sed "s|$tmp/||g" >&2
  exit 1
fi
echo "cli_bad_input: ok (${elapsed_ms} ms, ${#good[@]} articles, ${#bad[@]} bad inputs named)"
