#!/usr/bin/env bash
# Every accuracy benchmark side by side: Febrl 1 and 2 (Tests/Data/febrl) and the generator at 100k and 1M with two
# seeds and two dirt settings, each loaded into a fresh store and evaluated against its truth. One line per set.
# Usage: Benchmarks/accuracy.sh [DIR] [OTHER_MDM]   (OTHER_MDM: another build's mdm executable, run on the same files)
set -uo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/mdm-accuracy}
other=${2:-}
dotnet build Mdm.sln -c Release -v quiet -nologo >/dev/null
mdm="dotnet $(pwd)/Api/bin/Release/net10.0/mdm.dll"
generate="dotnet $(pwd)/Benchmarks/bin/Release/net10.0/Mdm.Benchmarks.dll generate"
mkdir -p "$dir"
[ -f "$dir/g100k_s100/sources.json" ] || $generate --entities 100000 --seed 100 --out "$dir/g100k_s100" >/dev/null
[ -f "$dir/g100k_s7_dirt2/sources.json" ] || $generate --entities 100000 --seed 7 --dirt 2 --out "$dir/g100k_s7_dirt2" >/dev/null
[ -f "$dir/g1m_s1000000/sources.json" ] || $generate --entities 458000 --seed 1000000 --out "$dir/g1m_s1000000" >/dev/null
[ -f "$dir/g1m_s5_dirt1.5/sources.json" ] || $generate --entities 458000 --seed 5 --dirt 1.5 --out "$dir/g1m_s5_dirt1.5" >/dev/null

run() { # name sources truth mdm label
  local store="$dir/stores/$1-$5/mdm.db"
  rm -rf "$(dirname "$store")"
  local t; t=$( { /usr/bin/time -f "%e s %M KB" $4 load --config "$2" --store "$store" >/dev/null; } 2>&1 | tail -1 )
  local e; e=$($4 evaluate --config "$2" --store "$store" --truth "$3" 2>&1 \
    | grep -E '│ (precision|recall|F1|false-merge pairs|missed pairs) ' | awk -F'│' '{gsub(/ /,"",$2); gsub(/ /,"",$3); printf "%s=%s ", $2, $3}')
  echo "$1 [$5] $t $e"
}
for set in 1 2; do
  for build in this ${other:+other}; do
    exe=$mdm; [ "$build" = other ] && exe=$other
    run "febrl$set" "Tests/Data/febrl/sources$set.json" "Tests/Data/febrl/febrl${set}_truth.csv" "$exe" "$build"
  done
done
for d in g100k_s100 g100k_s7_dirt2 g1m_s1000000 g1m_s5_dirt1.5; do
  for build in this ${other:+other}; do
    exe=$mdm; [ "$build" = other ] && exe=$other
    run "$d" "$dir/$d/sources.json" "$dir/$d/truth.csv" "$exe" "$build"
  done
done
