#!/usr/bin/env bash
# Fault injection (not a test): kill -9 at random moments of a load and of a concurrent resolve storm, then check that
# the store recovers to what an uninterrupted run gives. Usage: Benchmarks/faults.sh [KILLS] [ENTITIES] [DIR]
#   1. a reference load of a generated data set (ENTITIES customers) into a fresh store, its cross-reference exported;
#   2. KILLS times: a fresh store, `mdm load` killed with SIGKILL after a random delay, `mdm load` run again to the end;
#      the cross-reference must equal the reference row for row, with no orphan golden ID and no record without a row;
#   3. KILLS times: 12 `mdm resolve` processes of 6 new people (2 records each, one ID card each) at once on a copy
#      of the loaded store, one of them killed at a random moment and then sent again, as a source system retries;
#      every person must end with one golden ID, every record with its row, no orphan golden ID.
set -uo pipefail
cd "$(dirname "$0")/.."
kills=${1:-20}
entities=${2:-20000}
dir=${3:-/tmp/mdm-faults}
mdm="dotnet Api/bin/Release/net10.0/mdm.dll"
dotnet build Mdm.sln -c Release -v quiet -nologo >/dev/null
rm -rf "$dir"; mkdir -p "$dir"
dotnet Benchmarks/bin/Release/net10.0/Mdm.Benchmarks.dll generate --entities "$entities" --seed 21 --out "$dir/data" >/dev/null
sources="$dir/data/sources.json"

check() { # store -> prints "orphans records_without_xref"
  python3 - "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
orphans = c.execute("SELECT COUNT(*) FROM golden_ids g WHERE g.status='active' AND NOT EXISTS (SELECT 1 FROM cross_reference x WHERE x.golden_id=g.golden_id)").fetchone()[0]
missing = c.execute("SELECT COUNT(*) FROM source_records r WHERE r.retired_run IS NULL AND NOT EXISTS (SELECT 1 FROM cross_reference x WHERE x.record_id=r.record_id)").fetchone()[0]
print(orphans, missing)
PY
}

start=$(date +%s.%N)
$mdm load --config "$sources" --store "$dir/ref/mdm.db" >/dev/null
load_seconds=$(echo "$(date +%s.%N) - $start" | bc)
$mdm export xref --config "$sources" --store "$dir/ref/mdm.db" --out "$dir/ref.csv" >/dev/null
echo "reference load: ${load_seconds} s"

same=0; clean=0
for i in $(seq 1 "$kills"); do
  store="$dir/load$i/mdm.db"
  delay=$(python3 -c "import random; print(round(random.uniform(0.3, $load_seconds), 2))")
  $mdm load --config "$sources" --store "$store" >/dev/null 2>&1 &
  pid=$!; sleep "$delay"; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  $mdm load --config "$sources" --store "$store" >/dev/null 2>"$dir/load$i.err" || echo "  load $i: re-run failed: $(head -1 "$dir/load$i.err")"
  $mdm export xref --config "$sources" --store "$store" --out "$dir/load$i.csv" >/dev/null
  read orphans missing < <(check "$store")
  if cmp -s "$dir/ref.csv" "$dir/load$i.csv"; then same=$((same + 1)); verdict=identical; else verdict=DIFFERENT; fi
  [ "$orphans" = 0 ] && [ "$missing" = 0 ] && clean=$((clean + 1))
  echo "  load killed after ${delay} s: cross-reference ${verdict}, orphan golden IDs ${orphans}, records without a row ${missing}"
  rm -rf "$dir/load$i"
done
echo "loads: $same of $kills identical to the reference, $clean of $kills consistent"

idcard() { python3 -c "
w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; s='44030519850101%03d' % $1
print(s + '10X98765432'[sum(int(a)*b for a,b in zip(s,w)) % 11])"; }
storm_ok=0
for i in $(seq 1 "$kills"); do
  store="$dir/storm$i/mdm.db"; mkdir -p "$dir/storm$i"
  cp "$dir/ref/mdm.db" "$store"; cp -r "$dir/ref/mdm.db.index" "$store.index"
  pids=(); args=()
  for p in 0 1 2 3 4 5; do
    id=$(idcard $((i * 10 + p)))
    for r in 0 1; do
      json="{\"客户编号\":\"STORM-$i-$p-$r\",\"客户名称\":\"风暴$p号\",\"证件号码\":\"$id\",\"联系电话\":\"1390000$i$p$r\"}"
      args+=("$json")
      MDM_WRITER_WAIT=300 $mdm resolve --config "$sources" --store "$store" --system counter --json "$json" >/dev/null 2>&1 &
      pids+=($!)
    done
  done
  victim=$(( RANDOM % ${#pids[@]} ))
  sleep "$(python3 -c "import random; print(round(random.uniform(0.2, 6), 2))")"
  kill -9 "${pids[$victim]}" 2>/dev/null
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  # The killed request is sent again (it may or may not have committed before the kill: a resolve is idempotent).
  $mdm resolve --config "$sources" --store "$store" --system counter --json "${args[$victim]}" >/dev/null 2>"$dir/storm$i.err" \
    || echo "  storm $i: re-sent resolve failed: $(head -1 "$dir/storm$i.err")"
  read orphans missing < <(check "$store")
  people=$(python3 - "$store" "$i" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); i = sys.argv[2]
ok = 0
for p in range(6):
    ids = {g for (g,) in c.execute("SELECT x.golden_id FROM cross_reference x JOIN source_records r ON r.record_id=x.record_id WHERE r.system='counter' AND r.source_key LIKE ?", (f"STORM-{i}-{p}-%",))}
    rows = c.execute("SELECT COUNT(*) FROM cross_reference x JOIN source_records r ON r.record_id=x.record_id WHERE r.system='counter' AND r.source_key LIKE ?", (f"STORM-{i}-{p}-%",)).fetchone()[0]
    ok += (len(ids) == 1 and rows == 2)
print(ok)
PY
)
  [ "$people" = 6 ] && [ "$orphans" = 0 ] && [ "$missing" = 0 ] && storm_ok=$((storm_ok + 1))
  echo "  storm $i (process $victim killed): people with one golden ID and both rows ${people}/6, orphan golden IDs ${orphans}, records without a row ${missing}"
  rm -rf "$dir/storm$i"
done
echo "storms: $storm_ok of $kills whole"
