#!/usr/bin/env bash
# HTTP load measurement (not a test): a real `mdm serve` over a loaded store, then wrk (Debian package) on two look-ups an
# agent makes: a customer by golden ID and a search by phone (typed in national format), random keys from the store.
# Usage: Benchmarks/http.sh SOURCES STORE [SECONDS=30] [CONNECTIONS=32]
set -euo pipefail
cd "$(dirname "$0")/.."
sources=$1; store=$2; seconds=${3:-30}; connections=${4:-32}
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
mdm=$(pwd)/Api/bin/Release/net10.0/mdm
work=$(mktemp -d /tmp/mdm-http.XXXXXX)
key=bench-agent-key-0123456789
cat > "$work/settings.json" <<JSON
{ "Mdm": { "ApiKeys": { "bench": { "Key": "$key", "Role": "agent" } } },
  "Logging": { "LogLevel": { "Mdm.Requests": "Warning" } } }
JSON
sqlite3 "$store" "SELECT '/api/customers/' || golden_id FROM golden_records ORDER BY random() LIMIT 20000" > "$work/golden.txt"
# National format of a mainland mobile: +86 138 0013 8000 typed as 138-0013-8000.
sqlite3 "$store" "SELECT fields FROM golden_records WHERE fields LIKE '%\"phones\":\"+861%' ORDER BY random() LIMIT 20000" \
  | grep -o '"phones":"+861[0-9]*' | sed -E 's/.*\+86(1[0-9]{2})([0-9]{4})([0-9]{4})/\/api\/customers\/search?q=\1-\2-\3/' | grep "^/api/" > "$work/phone.txt"
start=$(date +%s.%N)
"$mdm" serve --config "$sources" --store "$store" --urls http://127.0.0.1:5089 --settings "$work/settings.json" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
until grep -q "mdm: serving" "$work/serve.log"; do sleep 0.5; kill -0 $server 2>/dev/null || { cat "$work/serve.log"; exit 1; }; done
echo "server ready in $(echo "$(date +%s.%N) - $start" | bc) s (search index opened or rebuilt), $(ps -o rss= -p $server) KB"
for kind in golden phone; do
  echo "== $kind look-ups ($(wc -l < "$work/$kind.txt") distinct paths), ${seconds}s, $connections connections, 2 threads"
  PATHS="$work/$kind.txt" KEY=$key wrk -t2 -c"$connections" -d5s --latency -s Benchmarks/Http/paths.lua http://127.0.0.1:5089 >/dev/null  # warm-up
  PATHS="$work/$kind.txt" KEY=$key wrk -t2 -c"$connections" -d"${seconds}s" --latency -s Benchmarks/Http/paths.lua http://127.0.0.1:5089 \
    | grep -E "Latency|Req/Sec|requests in|Requests/sec|50%|90%|99%|Non-2xx"
done
echo "server RSS after: $(ps -o rss= -p $server) KB"
